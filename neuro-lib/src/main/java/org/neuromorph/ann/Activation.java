package org.neuromorph.ann;

/** Activation functions of a layer, with the derivatives backpropagation needs (in terms of input a and output y). */
public enum Activation {
    /** The McCulloch-Pitts threshold: 1 above 0, else 0 (no useful gradient: for inference and perceptrons). */
    STEP {
        double apply(double a) {
            return a > 0 ? 1 : 0;
        }

        double derivative(double a, double y) {
            return 0;
        }
    },
    SIGMOID {
        double apply(double a) {
            return 1 / (1 + Math.exp(-a));
        }

        double derivative(double a, double y) {
            return y * (1 - y);
        }
    },
    TANH {
        double apply(double a) {
            return Math.tanh(a);
        }

        double derivative(double a, double y) {
            return 1 - y * y;
        }
    },
    RELU {
        double apply(double a) {
            return a > 0 ? a : 0;
        }

        double derivative(double a, double y) {
            return a > 0 ? 1 : 0;
        }
    },
    /** The identity (the output layer's pre-softmax scores). */
    LINEAR {
        double apply(double a) {
            return a;
        }

        double derivative(double a, double y) {
            return 1;
        }
    };

    abstract double apply(double a);

    abstract double derivative(double a, double y);
}
