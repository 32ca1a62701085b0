from enum import StrEnum


class JobPayloadType(StrEnum):
    IONQ_CIRCUIT_V1 = "ionq.circuit.v1"
    IONQ_MULTI_CIRCUIT_V1 = "ionq.multi-circuit.v1"
    IONQ_QASM3_V1 = "ionq.qasm3.v1"

    def __str__(self) -> str:
        return str(self.value)
