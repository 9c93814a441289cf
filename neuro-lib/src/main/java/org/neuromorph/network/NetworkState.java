package org.neuromorph.network;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.neuromorph.data.AtomicFiles;
import org.neuromorph.state.StateExchange;

/**
 * A network's full state in a file: time step, seed and clock; what each population and projection is (models
 * with their parameters, sizes, synapse counts); and every array that changes as it runs (neuron state, weights,
 * delays, jumps in flight, random-stream positions). Format version 2 (version 1 held LIF's current channels
 * unscaled), big-endian:
 * <pre>
 *   "NEUROMST" · int version · double dt · long seed · long step
 *   int n · n × (UTF name, UTF description)            populations, in creation order
 *   int m · m × (UTF name, UTF description)            projections
 *   int n+m sections · each: UTF owner, int entries, entries × (UTF name, byte type D/J/I/V, int length, data)
 *   long CRC-32 of everything before it
 * </pre>
 * A load reads and checks the whole file (magic, version, checksum, structure, every array's length) before it
 * changes anything, so a refused file leaves the network as it was.
 */
final class NetworkState {
    static final int VERSION = 2;
    private static final byte[] MAGIC = "NEUROMST".getBytes(StandardCharsets.US_ASCII);

    private NetworkState() {
    }

    /** Writes atomically (see {@link AtomicFiles}), so a failed save destroys nothing. */
    static void save(Network net, Path file) {
        AtomicFiles.write(file, "the network", raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeDouble(net.dt());
            out.writeLong(net.seed());
            out.writeLong(net.stepCount());
            Map<String, String> populations = populationDescriptions(net);
            Map<String, String> projections = projectionDescriptions(net);
            writeDescriptions(out, populations);
            writeDescriptions(out, projections);
            out.writeInt(populations.size() + projections.size());
            for (Population p : net.populations().values()) {
                writeSection(out, "population " + p.name(), p::exchangeState);
            }
            for (Projection p : net.projections()) {
                writeSection(out, "projection " + p.name(), p::exchangeState);
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    /** Reads the whole file, checks it against the network, then fills the network's state. */
    static void load(Network net, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        Saved saved = parse(file, bytes);
        if (Double.compare(saved.dt, net.dt()) != 0) {
            throw refused(file, "it was saved at dt = " + saved.dt * 1e3 + " ms, this network has dt = "
                    + net.dt() * 1e3 + " ms; set .dt(...) to match");
        }
        compare(file, "population", saved.populations, populationDescriptions(net));
        compare(file, "projection", saved.projections, projectionDescriptions(net));
        // every array must fit before any is written
        walk(net, saved, false, file);
        walk(net, saved, true, file);
        net.restoreClock(saved.seed, saved.step);
        for (Population p : net.populations().values()) {
            p.stateLoaded(saved.step);
        }
        for (Projection p : net.projections()) {
            p.stateLoaded();
        }
    }

    private static Map<String, String> populationDescriptions(Network net) {
        Map<String, String> result = new LinkedHashMap<>();
        net.populations().values().forEach(p -> result.put(p.name(), p.getClass().getSimpleName() + " "
                + p.description()));
        return result;
    }

    private static Map<String, String> projectionDescriptions(Network net) {
        Map<String, String> result = new LinkedHashMap<>();
        net.projections().forEach(p -> result.put(p.name(), p.description()));
        return result;
    }

    private static void writeDescriptions(DataOutputStream out, Map<String, String> descriptions)
            throws IOException {
        out.writeInt(descriptions.size());
        for (Map.Entry<String, String> e : descriptions.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private interface Walk {
        void accept(StateExchange state);
    }

    private static void writeSection(DataOutputStream out, String owner, Walk walk) throws IOException {
        List<Object[]> entries = new ArrayList<>();
        walk.accept(new StateExchange() {
            public void doubles(String name, double[] live) {
                entries.add(new Object[] {name, live});
            }

            public void longs(String name, long[] live) {
                entries.add(new Object[] {name, live});
            }

            public void ints(String name, int[] live) {
                entries.add(new Object[] {name, live});
            }

            public long value(String name, long current) {
                entries.add(new Object[] {name, current});
                return current;
            }
        });
        out.writeUTF(owner);
        out.writeInt(entries.size());
        for (Object[] entry : entries) {
            out.writeUTF((String) entry[0]);
            Object data = entry[1];
            if (data instanceof double[] a) {
                out.writeByte('D');
                out.writeInt(a.length);
                for (double x : a) {
                    out.writeDouble(x);
                }
            } else if (data instanceof long[] a) {
                out.writeByte('J');
                out.writeInt(a.length);
                for (long x : a) {
                    out.writeLong(x);
                }
            } else if (data instanceof int[] a) {
                out.writeByte('I');
                out.writeInt(a.length);
                for (int x : a) {
                    out.writeInt(x);
                }
            } else {
                out.writeByte('V');
                out.writeInt(1);
                out.writeLong((Long) data);
            }
        }
    }

    private record Saved(double dt, long seed, long step, Map<String, String> populations,
            Map<String, String> projections, Map<String, Map<String, Object>> sections) {
    }

    private static Saved parse(Path file, byte[] bytes) {
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw refused(file, "it is not a Neuromorph network state (it does not start with NEUROMST); "
                    + "save one with net.save(path)");
        }
        int version = ((bytes[8] & 0xff) << 24) | ((bytes[9] & 0xff) << 16) | ((bytes[10] & 0xff) << 8)
                | (bytes[11] & 0xff);
        if (version != VERSION) {
            throw refused(file, "it is format version " + version + "; this Neuromorph reads version " + VERSION
                    + (version > VERSION ? " (it was written by a newer Neuromorph)"
                            : " (it was written by an older Neuromorph: run the network again and save it)"));
        }
        CRC32 crc = new CRC32();
        int body = bytes.length - 8;
        if (body < MAGIC.length + 4) {
            throw refused(file, "it ends after " + bytes.length + " bytes: the file is truncated");
        }
        crc.update(bytes, 0, body);
        long stored = ByteBuffer.wrap(bytes, body, 8).getLong();
        if (stored != crc.getValue()) {
            throw refused(file, "its checksum does not match (" + bytes.length
                    + " bytes): the file is truncated or damaged");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body))) {
            in.skipNBytes(MAGIC.length + 4);
            double dt = in.readDouble();
            long seed = in.readLong();
            long step = in.readLong();
            Map<String, String> populations = readDescriptions(in);
            Map<String, String> projections = readDescriptions(in);
            Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
            for (int s = 0, n = in.readInt(); s < n; s++) {
                String owner = in.readUTF();
                Map<String, Object> entries = new LinkedHashMap<>();
                for (int e = 0, m = in.readInt(); e < m; e++) {
                    String name = in.readUTF();
                    byte type = in.readByte();
                    int length = in.readInt();
                    entries.put(name, readArray(in, type, length));
                }
                sections.put(owner, entries);
            }
            return new Saved(dt, seed, step, populations, projections, sections);
        } catch (EOFException e) {
            throw refused(file, "it ends early: the file is truncated");
        } catch (IOException | RuntimeException e) {
            throw refused(file, "it is malformed (" + e.getMessage() + ")");
        }
    }

    private static Object readArray(DataInputStream in, byte type, int length) throws IOException {
        if (length < 0 || (long) length * (type == 'I' ? 4 : 8) > in.available()) {
            throw new EOFException();
        }
        switch (type) {
            case 'D': {
                double[] a = new double[length];
                for (int i = 0; i < length; i++) {
                    a[i] = in.readDouble();
                }
                return a;
            }
            case 'J': {
                long[] a = new long[length];
                for (int i = 0; i < length; i++) {
                    a[i] = in.readLong();
                }
                return a;
            }
            case 'I': {
                int[] a = new int[length];
                for (int i = 0; i < length; i++) {
                    a[i] = in.readInt();
                }
                return a;
            }
            case 'V':
                return in.readLong();
            default:
                throw new IOException("unknown entry type " + type);
        }
    }

    private static Map<String, String> readDescriptions(DataInputStream in) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0, n = in.readInt(); i < n; i++) {
            result.put(in.readUTF(), in.readUTF());
        }
        return result;
    }

    private static void compare(Path file, String kind, Map<String, String> saved, Map<String, String> here) {
        if (!saved.keySet().equals(here.keySet())) {
            throw refused(file, "its " + kind + "s are " + saved.keySet() + ", this network's are " + here.keySet()
                    + "; build the network the saved one was built with, then load");
        }
        for (Map.Entry<String, String> e : saved.entrySet()) {
            String mine = here.get(e.getKey());
            if (!mine.equals(e.getValue())) {
                throw refused(file, kind + " '" + e.getKey() + "' was saved as " + e.getValue()
                        + " but is " + mine + " here");
            }
        }
    }

    /** Checks (apply false) or fills (apply true) every array of the network from the saved sections. */
    private static void walk(Network net, Saved saved, boolean apply, Path file) {
        for (Population p : net.populations().values()) {
            p.exchangeState(loader(file, "population " + p.name(), saved.sections, apply));
        }
        for (Projection p : net.projections()) {
            p.exchangeState(loader(file, "projection " + p.name(), saved.sections, apply));
        }
    }

    private static StateExchange loader(Path file, String owner, Map<String, Map<String, Object>> sections,
            boolean apply) {
        Map<String, Object> entries = sections.get(owner);
        if (entries == null) {
            throw refused(file, "it holds no state for " + owner);
        }
        return new StateExchange() {
            private Object entry(String name, Class<?> type, int length) {
                Object value = entries.get(name);
                if (value == null || value.getClass() != type) {
                    throw refused(file, "it holds no " + name + " for " + owner);
                }
                if (length >= 0 && java.lang.reflect.Array.getLength(value) != length) {
                    throw refused(file, owner + " has " + java.lang.reflect.Array.getLength(value) + " values of "
                            + name + " in the file and " + length + " here");
                }
                return value;
            }

            public void doubles(String name, double[] live) {
                Object saved = entry(name, double[].class, live.length);
                if (apply) {
                    System.arraycopy(saved, 0, live, 0, live.length);
                }
            }

            public void longs(String name, long[] live) {
                Object saved = entry(name, long[].class, live.length);
                if (apply) {
                    System.arraycopy(saved, 0, live, 0, live.length);
                }
            }

            public void ints(String name, int[] live) {
                Object saved = entry(name, int[].class, live.length);
                if (apply) {
                    System.arraycopy(saved, 0, live, 0, live.length);
                }
            }

            public long value(String name, long current) {
                long saved = (Long) entry(name, Long.class, -1);
                return apply ? saved : current;
            }
        };
    }

    private static IllegalArgumentException refused(Path file, String why) {
        return new IllegalArgumentException("cannot load " + file + ": " + why);
    }
}
