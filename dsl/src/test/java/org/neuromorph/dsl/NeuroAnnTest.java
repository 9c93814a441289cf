package org.neuromorph.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuromorph.ann.Activation;
import tech.tablesaw.api.Table;

class NeuroAnnTest {
    @Test
    void trainingLogBecomesATable() {
        var split = Neuro.digitsSplit();
        var log = Neuro.mlp(1, Activation.RELU, 64, 16, 10).train(split[0], split[1], 3, 32, 0.05, 0.9, 1);
        Table t = Neuro.trainingTable(log);
        assertEquals(3, t.rowCount());
        assertEquals(java.util.List.of("epoch", "loss", "train_accuracy", "test_accuracy"), t.columnNames());
        assertTrue(t.doubleColumn("loss").get(2) < t.doubleColumn("loss").get(0), "the loss falls");
    }
}
