from enum import StrEnum


class FormatId(StrEnum):
    IONQ_CIRCUIT_V1 = "ionq.circuit.v1"
    IONQ_MULTI_CIRCUIT_V1 = "ionq.multi-circuit.v1"
    IONQ_NATIVE_V1 = "ionq.native.v1"
    IONQ_QASM3_V1 = "ionq.qasm3.v1"
    IONQ_RESULT_HISTOGRAM_JSON_V1 = "ionq.result.histogram.json.v1"
    IONQ_RESULT_HISTOGRAM_JSON_V2 = "ionq.result.histogram.json.v2"
    IONQ_RESULT_PROBABILITIES_AGGREGATE_JSON_V1 = (
        "ionq.result.probabilities-aggregate.json.v1"
    )
    IONQ_RESULT_PROBABILITIES_JSON_V1 = "ionq.result.probabilities.json.v1"
    IONQ_RESULT_PROBABILITIES_JSON_V2 = "ionq.result.probabilities.json.v2"
    IONQ_RESULT_SHOTS_JSON_V1 = "ionq.result.shots.json.v1"
    IONQ_RESULT_SHOTS_JSON_V2 = "ionq.result.shots.json.v2"

    def __str__(self) -> str:
        return str(self.value)
