/**
 * IPython-style magics, one class each, found through the {@link org.neuromorph.kernel.magic.Magics} registry:
 * {@code %lsmagic}, {@code %time}/{@code %%time}, {@code %timeit}/{@code %%timeit}, {@code %seed}, {@code %who},
 * {@code %load}, {@code %classpath}, {@code %maven} (with {@link org.neuromorph.kernel.magic.Dependencies}),
 * {@code %spark} (with {@link org.neuromorph.kernel.magic.OptionalModules}), {@code %%html}, {@code %%markdown},
 * {@code %%javascript}.
 */
package org.neuromorph.kernel.magic;
