package org.neuromorph.pynn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.nS;
import static org.neuromorph.units.Units.ms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.network.PoissonGroup;
import org.neuromorph.network.ReferenceNetworks;
import org.neuromorph.neuron.AdEx;
import org.neuromorph.neuron.CustomNeuron;
import org.neuromorph.neuron.Izhikevich;
import org.neuromorph.neuron.Lif;
import org.neuromorph.plasticity.Pairing;
import org.neuromorph.plasticity.PairStdp;

/** Networks written as PyNN scripts: cells, units, signs and synapses as PyNN 0.10 takes them. */
class PyNNExportTest {
    @TempDir
    Path tmp;

    @Test
    void cubaBecomesIfCurrExpWithEveryDrawnSynapseInPyNNsUnits() throws IOException {
        Network net = ReferenceNetworks.cuba(500, 4);
        Path script = PyNNExport.write(net, tmp.resolve("cuba.py"), 1000);
        String py = Files.readString(script);
        // τ_m 20 ms at R = 100 MΩ is cm = 0.2 nF; V_rest (E_l) −49 mV, reset −60, threshold −50, refractory 5 ms
        assertTrue(py.contains("sim.IF_curr_exp(tau_m=20.0, cm=0.2, v_rest=-49.0, v_reset=-60.0, v_thresh=-50.0, "
                + "tau_refrac=5.0, tau_syn_E=5.0, tau_syn_I=10.0, i_offset=0.0)"), py);
        assertTrue(py.contains("RandomDistribution(\"uniform\", (-60.0, -50.0))"), py);
        assertTrue(py.contains("receptor_type=\"excitatory\"") && py.contains("receptor_type=\"inhibitory\""), py);
        List<String> excitatory = Files.readAllLines(tmp.resolve("cuba_0.conn"));
        List<String> inhibitory = Files.readAllLines(tmp.resolve("cuba_1.conn"));
        assertEquals("# columns = [\"i\", \"j\", \"weight\", \"delay\"]", excitatory.get(0));
        assertEquals(net.projections().get(0).synapseCount(), excitatory.size() - 1, "one line a synapse");
        assertEquals(net.projections().get(1).synapseCount(), inhibitory.size() - 1);
        // 1.62 mV of drive through R = 100 MΩ is 16.2 pA; −9 mV is −90 pA, negative as PyNN wants inhibition
        String[] e = excitatory.get(1).split(" ");
        assertEquals(0.0162, Double.parseDouble(e[2]), 1e-12);
        assertEquals(0.1, Double.parseDouble(e[3]), 1e-12, "no delay is PyNN's shortest, one step");
        assertEquals(-0.09, Double.parseDouble(inhibitory.get(1).split(" ")[2]), 1e-12);
        assertTrue(Integer.parseInt(e[0]) < 400, "excitatory synapses leave the first 80 % of the group");
    }

    @Test
    void voltageJumpsAndPairStdpBecomeDeltaSynapsesAndAnStdpMechanism() throws IOException {
        Network net = new Network().dt(ms(0.1));
        PoissonGroup in = net.poisson("in", 10, Hz(20));
        NeuronGroup out = net.group("out", 2, new Lif());
        net.connect(in, out, Connectivity.allToAll()).weight(mV(0.5)).delay(ms(1.5))
                .plasticity(new PairStdp().amplitudes(0.0001, 0.00012).timeConstants(ms(20), ms(20))
                        .bounds(0, 0.001));
        String py = Files.readString(PyNNExport.write(net, tmp.resolve("stdp.py"), 200));
        assertTrue(py.contains("sim.IF_curr_delta("), py);
        assertTrue(py.contains("sim.SpikeSourcePoisson(rate=20.0)"), py);
        // additive amplitudes are fractions of w_max in PyNN: 0.1 mV / 1 mV
        assertTrue(py.contains("sim.STDPMechanism(timing_dependence=sim.SpikePairRule(tau_plus=20.0, tau_minus=20.0, "
                + "A_plus=0.1, A_minus=0.12), weight_dependence=sim.AdditiveWeightDependence("
                + "w_min=0.0, w_max=1.0), dendritic_delay_fraction=0.0)"), py);
        // 20 synapses go in the script: pre 0 to post 1, 0.5 mV, 1.5 ms
        assertTrue(py.contains("sim.FromListConnector([(0, 0, 0.5, 1.5), (0, 1, 0.5, 1.5), (1, 0, 0.5, 1.5)"), py);
        assertTrue(py.contains("column_names=[\"weight\", \"delay\"])"), py);
        assertTrue(!Files.exists(tmp.resolve("stdp_0.conn")));
    }

    @Test
    void conductanceCellsBecomeIfCondExpAndEifCondExpIsfaIstaWithWeightsInMicrosiemens() throws IOException {
        Network net = new Network().dt(ms(0.1));
        PoissonGroup in = net.poisson("in", 5, Hz(10));
        NeuronGroup lif = net.group("lif", 3, new Lif().conductance("i", ms(10), mV(-80)).conductance("e", ms(5),
                mV(0)));
        NeuronGroup adex = net.group("adex", 2, new AdEx().synapse("e", ms(5), mV(0)));
        net.connect(in, lif, Connectivity.allToAll()).onto("e").weight(nS(2));
        net.connect(in, lif, Connectivity.allToAll()).onto("i").weight(nS(4));
        net.connect(in, adex, Connectivity.allToAll()).onto("e").weight(nS(1));
        String py = Files.readString(PyNNExport.write(net, tmp.resolve("cond.py"), 100));
        assertTrue(py.contains("sim.IF_cond_exp(tau_m=20.0, cm=0.2, v_rest=-70.0, v_reset=-70.0, v_thresh=-50.0, "
                + "tau_refrac=2.0, tau_syn_E=5.0, tau_syn_I=10.0, e_rev_E=0.0, e_rev_I=-80.0, i_offset=0.0)"), py);
        // Brette & Gerstner's defaults: C 281 pF, g_L 30 nS (τ_m 9.37 ms), a 4 nS, b 0.0805 nA, τ_w 144 ms
        assertTrue(py.contains("sim.EIF_cond_exp_isfa_ista(cm=0.281, tau_m=9.366666666666667, v_rest=-70.6, "
                + "v_thresh=-50.4, delta_T=2.0, tau_w=144.0, a=4.0, b=0.0805, v_reset=-70.6, v_spike=0.0, "
                + "tau_refrac=0.0, tau_syn_E=5.0"), py);
        assertTrue(py.contains("[(0, 0, 0.002, 0.1)") && py.contains("[(0, 0, 0.004, 0.1)"), "2 and 4 nS in µS: " + py);
        assertTrue(py.contains("receptor_type=\"inhibitory\""), "the −80 mV channel is inhibitory: " + py);
    }

    @Test
    void izhikevichGroupsKeepThePapersUnitsAndTakeJumpsInMillivolts() throws IOException {
        Network net = new Network().dt(ms(0.1));
        PoissonGroup in = net.poisson("in", 5, Hz(10));
        NeuronGroup chattering = net.group("ch", 3, Izhikevich.chattering());
        net.connect(in, chattering, Connectivity.allToAll()).weight(mV(-2));
        String py = Files.readString(PyNNExport.write(net, tmp.resolve("izh.py"), 100));
        assertTrue(py.contains("sim.Izhikevich(a=0.02, b=0.2, c=-50.0, d=2.0, i_offset=0.0)"), py);
        assertTrue(py.contains(".initialize(v=-65.0, u=-13.0)"), py);
        assertTrue(py.contains("(0, 0, -2.0, 0.1)") && py.contains("receptor_type=\"inhibitory\""), py);
    }

    @Test
    void whatPyNNCannotSayIsRefusedByName() {
        Network net = new Network().dt(ms(0.1));
        PoissonGroup in = net.poisson("in", 4, Hz(10));
        net.group("custom", 4, new CustomNeuron("leaky").variable("v", 0).derivative("v", n -> -n.get("v") / 0.01));
        NeuronGroup three = net.group("three", 4, new Lif().conductance("a", ms(5), mV(0))
                .conductance("b", ms(5), mV(-80)).conductance("c", ms(5), mV(-90)));
        NeuronGroup mixed = net.group("mixed", 4, new Lif().synapse("e", ms(5)));
        net.connect(in, mixed, Connectivity.oneToOne()).weight(mV(1));
        net.connect(in, mixed, Connectivity.oneToOne()).onto("e").weight(mV(1));
        net.connect(in, three, Connectivity.oneToOne()).onto("a").weight(nS(1))
                .plasticity(PairStdp.biPoo(1e-10, 1e-10).pairing(Pairing.NEAREST).bounds(0, 1e-8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PyNNExport.write(net, tmp.resolve("no.py"), 100));
        String m = e.getMessage();
        assertTrue(m.contains("group 'custom' (leaky)"), m);
        assertTrue(m.contains("group 'three' has 3 conductance synapses [a, b, c]"), m);
        assertTrue(m.contains("group 'mixed' takes voltage jumps and current synapses together"), m);
        assertTrue(m.contains("pairs nearest spikes"), m);
        assertTrue(m.startsWith("PyNN cannot express 4 part(s)"), m);
        assertTrue(!Files.exists(tmp.resolve("no.py")), "nothing is written when something is refused");
    }
}
