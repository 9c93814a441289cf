"""Brian2 reference for a LIF neuron with exponential conductance synapses, written for Neuromorph's tests.

One LIF (tau_m 20 ms, V_rest -70 mV, V_th -50 mV, V_reset -70 mV, 2 ms refractory, R 100 MOhm) with a bias
current of 0.15 nA, an excitatory conductance (tau 5 ms, E 0 mV) and an inhibitory one (tau 10 ms, E -80 mV),
driven by given input spike times. Method: exponential Euler (conductances held over a step). Writes
lif_conductance.json beside this script. Run with Debian's Brian2: /usr/bin/python3 lif_conductance.py
"""
import json
import os

import brian2 as b2
from brian2 import Mohm, ms, mV, nA, nS, second

b2.prefs.codegen.target = 'numpy'
DT_MS = 0.1
EXC_TIMES_MS = [5, 6, 7, 8, 20, 21, 22, 23, 24, 25, 40, 41, 42, 43, 44, 45, 46, 47, 70, 71, 72]
INH_TIMES_MS = [22, 23, 44, 45, 60]
W_EXC_NS = 6.0
W_INH_NS = 10.0

b2.defaultclock.dt = DT_MS * ms
eqs = '''
dv/dt = (-(v - Vrest) + R*I + R*ge*(Ee - v) + R*gi*(Ei - v))/taum : volt (unless refractory)
dge/dt = -ge/taue : siemens
dgi/dt = -gi/taui : siemens
'''
ns = dict(taum=20 * ms, Vrest=-70 * mV, R=100 * Mohm, I=0.15 * nA, Ee=0 * mV, Ei=-80 * mV, taue=5 * ms,
          taui=10 * ms)
neuron = b2.NeuronGroup(1, eqs, threshold='v > -50*mV', reset='v = -70*mV', refractory=2 * ms,
                        method='exponential_euler', namespace=ns)
neuron.v = -70 * mV
exc = b2.SpikeGeneratorGroup(1, [0] * len(EXC_TIMES_MS), EXC_TIMES_MS * ms)
inh = b2.SpikeGeneratorGroup(1, [0] * len(INH_TIMES_MS), INH_TIMES_MS * ms)
se = b2.Synapses(exc, neuron, on_pre=f'ge += {W_EXC_NS}*nS')
se.connect()
si = b2.Synapses(inh, neuron, on_pre=f'gi += {W_INH_NS}*nS')
si.connect()
spikes = b2.SpikeMonitor(neuron)
state = b2.StateMonitor(neuron, 'v', record=0)
b2.run(100 * ms)
out = {
    'benchmark': 'lif_conductance', 'brian2': b2.__version__, 'target': 'numpy', 'dt_ms': DT_MS,
    'params': {'exc_times_ms': EXC_TIMES_MS, 'inh_times_ms': INH_TIMES_MS, 'w_exc_nS': W_EXC_NS,
               'w_inh_nS': W_INH_NS},
    'results': {'cases': [{'spike_times_s': [float(t / second) for t in spikes.t],
                           'v_every_1ms_V': [float(x) for x in state.v[0][::10]]}]},
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lif_conductance.json'), 'w') as f:
    json.dump(out, f, indent=1)
