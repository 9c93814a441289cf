/**
 * NIR, the Neuromorphic Intermediate Representation (Pedersen et al., Nat. Commun. 15:8122, 2024): graphs read from
 * and written to {@code .nir} files ({@link org.neuromorph.nir.NirFile}), their nodes
 * ({@link org.neuromorph.nir.NirNode}), and a graph stepped at a fixed dt ({@link org.neuromorph.nir.NirNetwork}),
 * whose weights can be placed on crossbars. The way networks trained in Norse, snnTorch, Sinabs or Lava-DL come in
 * and ours go out.
 */
package org.neuromorph.nir;
