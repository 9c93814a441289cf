package org.neuromorph.kernel.magic;

import org.neuromorph.kernel.display.Display;
import org.neuromorph.kernel.display.RichText;
import org.neuromorph.kernel.eval.Evaluator;

/**
 * {@code %%html}, {@code %%markdown}, {@code %%javascript}: the cell's text shown as that MIME type. Published as
 * display_data, as IPython's cell magics do, not as the cell's result: clients that treat results differently
 * (Out[n] prompts, nbconvert's execution counts, a JavaScript output run once) see what they see from IPython.
 */
record RichTextMagic(String mimeType) implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        Display.display(new RichText(mimeType, call.body()));
        return new Evaluator.NoValue();
    }
}
