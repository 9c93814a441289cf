package org.neuromorph.kernel.eval;

import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates, without compiling, a cell that is one side-effect-free expression of Java (or Kotlin) arithmetic over
 * literals and existing variables of type int, long, double or boolean ({@code 1+1}, {@code x + 1}, {@code rate * 2 > 10}):
 * compiling such a cell is most of a trivial cell's round trip. Java's rules are followed (binary numeric
 * promotion, int and long overflow, IEEE doubles, short-circuit logic); anything else — another type, a call, an
 * assignment, a cast, a char or string, a literal form not handled here, a division by integer zero (which must
 * throw) — returns null and the cell goes to JShell as usual. Unlike JShell, no {@code $N} variable is made for
 * the result.
 */
final class ArithmeticFastPath {
    /**
     * The two languages agree on these operators for these types, but for two points: Kotlin refuses {@code ==}
     * between different numeric types, and writes fewer literal forms (no {@code d} suffix, no {@code 1.}, no
     * leading zeros).
     */
    enum Dialect { JAVA, KOTLIN }

    private final String text;
    private final Function<String, Object> variables;
    private final Dialect dialect;
    private int pos;

    private ArithmeticFastPath(String text, Function<String, Object> variables, Dialect dialect) {
        this.text = text;
        this.variables = variables;
        this.dialect = dialect;
    }

    /** Thrown to leave the fast path; the cell then takes the full path. */
    private static final class NotHandled extends RuntimeException {
        private static final NotHandled INSTANCE = new NotHandled();

        private NotHandled() {
            super(null, null, false, false);
        }
    }

    /**
     * The value of {@code code}, boxed (Integer, Long, Double or Boolean), or null when the fast path does not
     * handle it. {@code variables} gives a defined variable's current value (boxed as its declared primitive type)
     * or null for a name it cannot vouch for.
     */
    static Object evaluate(String code, Function<String, Object> variables) {
        return evaluate(code, variables, Dialect.JAVA);
    }

    static Object evaluate(String code, Function<String, Object> variables, Dialect dialect) {
        if (code.length() > 200) {
            return null;
        }
        ArithmeticFastPath parser = new ArithmeticFastPath(code, variables, dialect);
        try {
            Object value = parser.or();
            parser.skipSpaces();
            return parser.pos == code.length() ? value : null;
        } catch (NotHandled e) {
            return null;
        }
    }

    /** The declared types of the variables the fast path reads (JShell's type names). */
    static final Set<String> TYPES = Set.of("int", "long", "double", "boolean");

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean take(String op) {
        skipSpaces();
        if (!text.startsWith(op, pos)) {
            return false;
        }
        // "<" must not be the start of "<=", "&" of "&&", and so on: the caller tries longer operators first
        pos += op.length();
        return true;
    }

    private boolean peekAny(String... ops) {
        skipSpaces();
        for (String op : ops) {
            if (text.startsWith(op, pos)) {
                return true;
            }
        }
        return false;
    }

    private Object or() {
        return logical("||", this::and, Boolean::logicalOr);
    }

    private Object and() {
        return logical("&&", this::equality, Boolean::logicalAnd);
    }

    /** operand (op operand)*, left to right, for || and &&. */
    private Object logical(String op, Supplier<Object> operand, BinaryOperator<Boolean> combine) {
        Object left = operand.get();
        while (take(op)) {
            // both sides are evaluated (they have no effects) so that a non-boolean is refused as javac would
            boolean l = bool(left);
            boolean r = bool(operand.get());
            left = combine.apply(l, r);
        }
        return left;
    }

    private Object equality() {
        Object left = relational();
        while (true) {
            if (take("==")) {
                left = equal(left, relational());
            } else if (take("!=")) {
                left = !equal(left, relational());
            } else {
                return left;
            }
        }
    }

    private Object relational() {
        Object left = additive();
        while (true) {
            String op;
            if (take("<=")) {
                op = "<=";
            } else if (take(">=")) {
                op = ">=";
            } else if (peekAny("<<", ">>")) {
                throw NotHandled.INSTANCE;
            } else if (take("<")) {
                op = "<";
            } else if (take(">")) {
                op = ">";
            } else {
                return left;
            }
            Object right = additive();
            int c = compare(left, right);
            left = switch (op) {
                case "<=" -> c <= 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                default -> c > 0;
            };
        }
    }

    private Object additive() {
        return operations(this::multiplicative, "+-", "++", "--", "+=", "-=");
    }

    private Object multiplicative() {
        return operations(this::unary, "*/%", "*=", "/=", "%=", "//", "/*");
    }

    /**
     * One precedence level: operands from {@code operand} joined, left to right, by the one-character operators in
     * {@code operators}; the tokens {@code refused} (compound assignments, comments) leave the cell to the compiler.
     */
    private Object operations(Supplier<Object> operand, String operators, String... refused) {
        Object left = operand.get();
        next:
        while (true) {
            if (peekAny(refused)) {
                throw NotHandled.INSTANCE;
            }
            for (int i = 0; i < operators.length(); i++) {
                if (take(operators.substring(i, i + 1))) {
                    left = arithmetic(operators.charAt(i), left, operand.get());
                    continue next;
                }
            }
            return left;
        }
    }

    private Object unary() {
        if (peekAny("++", "--")) {
            throw NotHandled.INSTANCE;
        }
        if (take("-")) {
            Object v = unary();
            if (v instanceof Integer i) {
                return -i;
            } else if (v instanceof Long l) {
                return -l;
            } else if (v instanceof Double d) {
                return -d;
            }
            throw NotHandled.INSTANCE;
        }
        if (take("+")) {
            Object v = unary();
            if (v instanceof Boolean) {
                throw NotHandled.INSTANCE;
            }
            return v;
        }
        if (peekAny("!=")) {
            throw NotHandled.INSTANCE;
        }
        if (take("!")) {
            return !bool(unary());
        }
        return primary();
    }

    private Object primary() {
        skipSpaces();
        if (take("(")) {
            // "(int) x" is a cast: a type name alone in parentheses is not handled
            Object inner = or();
            if (!take(")")) {
                throw NotHandled.INSTANCE;
            }
            return inner;
        }
        if (pos >= text.length()) {
            throw NotHandled.INSTANCE;
        }
        char c = text.charAt(pos);
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isJavaIdentifierStart(c)) {
            int start = pos;
            while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpaces();
            if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == '(' || text.charAt(pos) == '['
                    || text.charAt(pos) == '=' && !text.startsWith("==", pos))) {
                throw NotHandled.INSTANCE; // a call, a field, an array or an assignment
            }
            if (name.equals("true")) {
                return true;
            }
            if (name.equals("false")) {
                return false;
            }
            Object value = variables.apply(name);
            if (value == null) {
                throw NotHandled.INSTANCE;
            }
            return value;
        }
        throw NotHandled.INSTANCE;
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                || ((text.charAt(pos) == '+' || text.charAt(pos) == '-')
                && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) {
            pos++;
        }
        String literal = text.substring(start, pos);
        if (dialect == Dialect.KOTLIN && (literal.matches(".*[dD]|[0-9]+\\.([eE].*)?|0[0-9].*"))) {
            throw NotHandled.INSTANCE;
        }
        try {
            if (literal.matches("[1-9][0-9]*|0")) {
                return Integer.parseInt(literal); // 2147483648 is only legal after unary minus: not handled
            }
            if (literal.matches("([1-9][0-9]*|0)[lL]")) {
                return Long.parseLong(literal.substring(0, literal.length() - 1));
            }
            if (literal.matches("([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?[dD]?|[0-9]+([eE][+-]?[0-9]+)[dD]?"
                    + "|[0-9]+[dD]")) {
                double d = Double.parseDouble(literal);
                if (Double.isInfinite(d)) {
                    throw NotHandled.INSTANCE; // too large: javac rejects it
                }
                return d;
            }
        } catch (NumberFormatException e) {
            throw NotHandled.INSTANCE;
        }
        throw NotHandled.INSTANCE; // hex, octal, binary, underscores, floats: javac's job
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw NotHandled.INSTANCE;
    }

    private boolean equal(Object a, Object b) {
        if (dialect == Dialect.KOTLIN && a.getClass() != b.getClass()) {
            throw NotHandled.INSTANCE; // "Operator '==' cannot be applied to 'Int' and 'Long'"
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.booleanValue() == y.booleanValue();
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            throw NotHandled.INSTANCE;
        }
        Object[] p = promote(a, b);
        if (p[0] instanceof Double x) {
            return x.doubleValue() == (Double) p[1]; // NaN is unequal to itself, as in Java
        }
        return p[0].equals(p[1]);
    }

    private static int compare(Object a, Object b) {
        Object[] p = promote(a, b);
        if (p[0] instanceof Double x) {
            double y = (Double) p[1];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                throw NotHandled.INSTANCE; // every comparison with NaN is false, which no sign of c expresses
            }
            return x < y ? -1 : x > y ? 1 : 0; // -0.0 and 0.0 compare equal, as in Java
        }
        if (p[0] instanceof Long x) {
            return Long.compare(x, (Long) p[1]);
        }
        return Integer.compare((Integer) p[0], (Integer) p[1]);
    }

    /** Binary numeric promotion (JLS 5.6.2) of two boxed operands to a common type. */
    private static Object[] promote(Object a, Object b) {
        if (!(a instanceof Number) || !(b instanceof Number)) {
            throw NotHandled.INSTANCE;
        }
        if (a instanceof Double || b instanceof Double) {
            return new Object[] {((Number) a).doubleValue(), ((Number) b).doubleValue()};
        }
        if (a instanceof Long || b instanceof Long) {
            return new Object[] {((Number) a).longValue(), ((Number) b).longValue()};
        }
        return new Object[] {a, b};
    }

    private static Object arithmetic(char op, Object a, Object b) {
        Object[] p = promote(a, b);
        if (p[0] instanceof Double x) {
            double y = (Double) p[1];
            return switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                case '/' -> x / y;
                default -> x % y;
            };
        }
        if (p[0] instanceof Long x) {
            return integral(op, x, (Long) p[1]);
        }
        // int arithmetic is long arithmetic narrowed back: the same wrap-around, MIN_VALUE / -1 included
        return (int) integral(op, (Integer) p[0], (Integer) p[1]);
    }

    private static long integral(char op, long x, long y) {
        if ((op == '/' || op == '%') && y == 0) {
            throw NotHandled.INSTANCE; // Java throws ArithmeticException: let the compiler's path do it
        }
        return switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            case '/' -> x / y;
            default -> x % y;
        };
    }
}
