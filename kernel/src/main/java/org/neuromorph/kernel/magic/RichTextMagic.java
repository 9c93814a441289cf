package org.neuromorph.kernel.magic;

import org.neuromorph.kernel.display.RichText;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %%html}, {@code %%markdown}, {@code %%javascript}: the cell's text shown as that MIME type. */
record RichTextMagic(String mimeType) implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        return new Evaluator.Value(new RichText(mimeType, call.body()), call.body());
    }
}
