package org.neuromorph.kernel.eval;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.neuromorph.kernel.Log;

/**
 * The Javadoc of Neuromorph's own API at run time, for inspect_request. JShell looks for documentation only in
 * the JDK's src.zip, so the DSL's and neuro-lib's sources are packaged in the jar under {@value #ROOT} (never on
 * the class path proper, where javac would compile them) and parsed here, on demand and once per class, with
 * the JDK's own compiler tree API. A method is found from the signature JShell prints
 * ({@code Lif Lif.tauM(Time value)}): class, method name and parameter types.
 */
final class SourceDocs {
    static final String ROOT = "META-INF/sources/";
    private static final Pattern SIGNATURE = Pattern.compile("(?:[\\w.<>\\[\\], ?]+\\s)?([\\w.$]+)\\.(\\w+)\\((.*)\\)");

    private final Map<String, String> sourceBySimpleName = new HashMap<>();
    private final Map<String, Map<String, String>> docsByClass = new ConcurrentHashMap<>();
    private boolean indexed;

    /** Lists the packaged sources on the first inspect, not at start-up: it reads every entry of a large jar. */
    private synchronized void indexOnce() {
        if (indexed) {
            return;
        }
        indexed = true;
        try {
            Enumeration<URL> roots = SourceDocs.class.getClassLoader().getResources(ROOT);
            while (roots.hasMoreElements()) {
                index(roots.nextElement());
            }
        } catch (IOException | RuntimeException e) {
            Log.warn("the API's documentation is not available to inspect: " + e.getMessage());
        }
    }

    private void index(URL root) throws IOException {
        if (root.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    add(e.nextElement().getName());
                }
            }
        } else if (root.getProtocol().equals("file")) {
            Path dir = Path.of(URI.create(root.toString()));
            try (Stream<Path> files = Files.walk(dir)) {
                files.forEach(f -> add(ROOT + dir.relativize(f).toString().replace('\\', '/')));
            }
        }
    }

    private void add(String resource) {
        if (resource.startsWith(ROOT) && resource.endsWith(".java")) {
            String file = resource.substring(resource.lastIndexOf('/') + 1);
            sourceBySimpleName.putIfAbsent(file.substring(0, file.length() - ".java".length()), resource);
        }
    }

    /** The Javadoc of the member a JShell signature names, as plain text, or null. */
    String javadoc(String signature) {
        Matcher m = SIGNATURE.matcher(signature.strip());
        if (!m.matches()) {
            return null;
        }
        String owner = m.group(1);
        String simple = owner.substring(owner.lastIndexOf('.') + 1);
        indexOnce(); // synchronized, so the index it built is visible here
        String resource = sourceBySimpleName.get(simple);
        if (resource == null) {
            return null;
        }
        Map<String, String> docs = docsByClass.computeIfAbsent(resource, SourceDocs::parse);
        return docs.get(key(simple, m.group(2), parameterTypes(m.group(3))));
    }

    private static String key(String owner, String method, List<String> parameterTypes) {
        return owner + "." + method + parameterTypes;
    }

    /** Simple type names of a printed parameter list ("String name, List<Time> ts" gives [String, List]). */
    static List<String> parameterTypes(String parameters) {
        List<String> types = new ArrayList<>();
        for (String p : withoutTypeArguments(parameters).split(",")) {
            String parameter = p.strip();
            if (!parameter.isEmpty()) {
                int space = parameter.lastIndexOf(' ');
                types.add(simpleType(space > 0 ? parameter.substring(0, space) : parameter));
            }
        }
        return types;
    }

    private static String withoutTypeArguments(String s) {
        String previous;
        do {
            previous = s;
            s = s.replaceAll("<[^<>]*>", "");
        } while (!s.equals(previous));
        return s;
    }

    private static String simpleType(String type) {
        String t = withoutTypeArguments(type).replace("...", "[]").replaceAll("\\s+", "");
        return t.substring(t.lastIndexOf('.') + 1);
    }

    /** Javadoc of every method and constructor in one source file, keyed by class, name and parameter types. */
    private static Map<String, String> parse(String resource) {
        Map<String, String> docs = new HashMap<>();
        try (InputStream in = SourceDocs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return docs;
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + resource),
                    javax.tools.JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
            DocTrees trees = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree method, Void unused) {
                        DocCommentTree doc = trees.getDocCommentTree(getCurrentPath());
                        if (doc != null) {
                            ClassTree owner = (ClassTree) getCurrentPath().getParentPath().getLeaf();
                            List<String> types = method.getParameters().stream()
                                    .map(VariableTree::getType).map(t -> simpleType(t.toString())).toList();
                            String name = method.getName().contentEquals("<init>")
                                    ? owner.getSimpleName().toString() : method.getName().toString();
                            docs.put(key(owner.getSimpleName().toString(), name, types), plainText(doc));
                        }
                        return null;
                    }
                }.scan(new TreePath(unit), null);
            }
        } catch (IOException | RuntimeException e) {
            Log.warn("cannot read the documentation in " + resource + ": " + e.getMessage());
        }
        return docs;
    }

    /** The comment as a reader wants it in a pager: inline tags as their text, block tags on their own lines. */
    private static String plainText(DocCommentTree doc) {
        StringBuilder text = new StringBuilder();
        doc.getFullBody().forEach(part -> text.append(inline(part.toString())));
        doc.getBlockTags().forEach(tag -> text.append("\n").append(inline(tag.toString())));
        return text.toString().strip();
    }

    private static String inline(String s) {
        return s.replaceAll("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}", "$1")
                .replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
