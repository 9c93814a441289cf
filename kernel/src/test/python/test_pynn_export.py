"""Networks written as PyNN scripts run on Debian's PyNN 0.10 with its Brian2 backend and do what ours do: CUBA at
4000 neurons fires at a rate and leaves a silent fraction within our spread over seeds; a pairing protocol moves a
plastic weight as our STDP moves it. The scripts are written by `neuromorph run` of a Java script, as a user would."""
import json
import subprocess

from conftest import JAR, JAVA

SCRIPT = '''
var dir = Path.of("%s");
PyNNExport.write(ReferenceNetworks.cuba(4000, 3), dir.resolve("cuba.py"), 1000);
var lines = new ArrayList<String>();
for (long seed = 1; seed <= 10; seed++) {
    var cuba = ReferenceNetworks.cuba(4000, seed);
    var spikes = cuba.monitorSpikes(cuba.populations().get("P"));
    cuba.run(s(1));
    long silent = Arrays.stream(spikes.countsPerUnit()).filter(c -> c == 0).count();
    lines.add("cuba " + spikes.meanRate() + " " + silent / 4000.0);
}
// pairing: the pre cell fires, 10 ms later the drive makes the post cell fire, 60 times at 5 Hz
int pairs = 60;
int[] zeros = new int[pairs];
Time[] preTimes = new Time[pairs];
Time[] driveTimes = new Time[pairs];
for (int k = 0; k < pairs; k++) { preTimes[k] = ms(50 + 200 * k); driveTimes[k] = ms(60 + 200 * k); }
var pairing = network().dt(ms(0.1)).seed(2);
var pre = pairing.spikeTimes("pre", 1, zeros, preTimes);
var drive = pairing.spikeTimes("drive", 1, zeros, driveTimes);
var post = pairing.group("post", 1, lif().refractory(ms(2)));
pairing.connect(drive, post, allToAll()).weight(mV(40));
var plastic = pairing.connect(pre, post, allToAll()).weight(mV(0.5))
        .plasticity(new PairStdp().amplitudes(0.01e-3, 0.012e-3).timeConstants(ms(20), ms(20)).bounds(0, 1e-3));
PyNNExport.write(pairing, dir.resolve("pairing.py"), 12100);
var postSpikes = pairing.monitorSpikes(post);
pairing.run(ms(12100));
lines.add("pairing " + plastic.weights()[0] * 1e3 + " " + postSpikes.count());
Files.write(dir.resolve("ours.txt"), lines);
'''


def run_pynn(script, duration):
    done = subprocess.run(['/usr/bin/python3', str(script), 'brian2', str(duration)], capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_exported_networks_run_on_pynn_brian2_as_they_run_here(tmp_path):
    script = tmp_path / 'export.jsh'
    script.write_text(SCRIPT % tmp_path)
    done = subprocess.run([JAVA, '-jar', JAR, 'run', '--timeout=600', str(script)], capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    ours = [line.split() for line in (tmp_path / 'ours.txt').read_text().splitlines()]
    rates = [float(r[1]) for r in ours if r[0] == 'cuba']
    silent = [float(r[2]) for r in ours if r[0] == 'cuba']
    weight, post_spikes = [float(r[1]) for r in ours if r[0] == 'pairing'][0], [int(r[2]) for r in ours
                                                                                  if r[0] == 'pairing'][0]
    assert post_spikes == 60, 'the drive makes the post cell fire once per pairing'

    cuba = run_pynn(tmp_path / 'cuba.py', 1000)
    rate = cuba['spikes']['P'] / 4000 / 1.0
    # PyNN draws its own initial voltages: one more seed of the same network. Ours over 20 seeds gave 5.17-5.97 Hz
    # and 14.1-17.9 % silent (docs/results.md); the band is our range over ten seeds widened by that range on
    # either side, which a unit or sign error (tens of percent of rate, or a silent or runaway network) leaves
    spread = max(rates) - min(rates)
    assert min(rates) - spread <= rate <= max(rates) + spread, (rate, rates)
    spread = max(silent) - min(silent)
    assert min(silent) - spread <= cuba['silent']['P'] <= max(silent) + spread, (cuba['silent'], silent)

    pairing = run_pynn(tmp_path / 'pairing.py', 12100)
    assert pairing['spikes']['post'] == 60, pairing
    moved = pairing['mean_weight']['pre->post#1'] - 0.5
    ours_moved = weight - 0.5
    # 60 pairings at +10 ms: each adds A+·e^(−10/20) and takes A−·e^(−190/20). Both place the post spike in the
    # same step (they agreed to 13 digits here); 1 % leaves room for a simulator that places it a step later
    # (0.1 ms of 10 ms moves each change by 0.5 %)
    assert ours_moved > 0.25, ours_moved
    assert abs(moved - ours_moved) <= 0.01 * ours_moved, (moved, ours_moved)


CONDUCTANCE = '''
var net = network().dt(ms(0.1)).seed(4);
var in = net.poisson("in", 200, Hz(20));
var lif = net.group("lif", 20, lif().conductance("e", ms(5), mV(0)).conductance("i", ms(10), mV(-80)));
var ad = net.group("adex", 20, adex().synapse("e", ms(5), mV(0)));
var izh = net.group("izh", 20, Izhikevich.regularSpiking());
net.connect(in, lif, allToAll()).onto("e").weight(nS(1.5));
net.connect(in, ad, allToAll()).onto("e").weight(nS(1.5));
net.connect(in, izh, allToAll()).weight(mV(1.5));
PyNNExport.write(net, Path.of("%s"), 1000);
var a = net.monitorSpikes(lif);
var b = net.monitorSpikes(ad);
var c = net.monitorSpikes(izh);
net.run(s(1));
Files.writeString(Path.of("%s"), a.count() + " " + b.count() + " " + c.count());
'''


def test_conductance_lif_adex_and_izhikevich_fire_on_pynn_brian2_as_they_fire_here(tmp_path):
    script = tmp_path / 'cond.jsh'
    script.write_text(CONDUCTANCE % (tmp_path / 'cond.py', tmp_path / 'ours.txt'))
    done = subprocess.run([JAVA, '-jar', JAR, 'run', str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lif, adex, izh = (int(x) for x in (tmp_path / 'ours.txt').read_text().split())
    pynn = run_pynn(tmp_path / 'cond.py', 1000)
    # IF_cond_exp, EIF_cond_exp_isfa_ista and Izhikevich driven by 200 Poisson inputs at 20 Hz (PyNN draws its own):
    # 4000 input spikes a second, so their count moves by about 1.6 %; the outputs follow it within 10 %
    assert abs(pynn['spikes']['lif'] - lif) <= 0.1 * lif, (pynn['spikes'], lif)
    assert abs(pynn['spikes']['adex'] - adex) <= 0.1 * adex, (pynn['spikes'], adex)
    assert abs(pynn['spikes']['izh'] - izh) <= 0.1 * izh, (pynn['spikes'], izh)
    assert lif > 1000 and adex > 300 and izh > 200, (lif, adex, izh)
