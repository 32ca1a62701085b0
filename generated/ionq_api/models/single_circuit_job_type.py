from enum import StrEnum


class SingleCircuitJobType(StrEnum):
    IONQ_CIRCUIT_V1 = "ionq.circuit.v1"
    IONQ_QASM3_V1 = "ionq.qasm3.v1"
    IONQ_QIR_V1 = "ionq.qir.v1"
    QCTRL_QAOA_CIRCUIT_V1 = "qctrl.qaoa-circuit.v1"

    def __str__(self) -> str:
        return str(self.value)
