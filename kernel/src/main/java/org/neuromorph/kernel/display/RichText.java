package org.neuromorph.kernel.display;

/** Text of a given MIME type (text/html, text/markdown, ...) shown as such: what %%html and %%markdown return. */
public record RichText(String mime, String content) {
    @Override
    public String toString() {
        return content;
    }
}
