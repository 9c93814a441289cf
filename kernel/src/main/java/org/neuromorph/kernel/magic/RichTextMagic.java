package org.neuromorph.kernel.magic;

import java.util.List;
import org.neuromorph.kernel.display.RichText;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %%html}, {@code %%markdown}, {@code %%javascript}: the cell's text shown as that MIME type. */
record RichTextMagic(String name, String mimeType) implements Magic {
    @Override
    public List<String> names() {
        return List.of(name);
    }

    @Override
    public Evaluator.Outcome run(String called, String argument, String body, Evaluator evaluator) {
        return new Evaluator.Value(new RichText(mimeType, body), body);
    }
}
