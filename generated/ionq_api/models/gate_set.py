from enum import StrEnum


class GateSet(StrEnum):
    NATIVE = "native"
    QIS = "qis"

    def __str__(self) -> str:
        return str(self.value)
