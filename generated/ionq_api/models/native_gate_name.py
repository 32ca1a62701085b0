from enum import StrEnum


class NativeGateName(StrEnum):
    GPI = "gpi"
    GPI2 = "gpi2"
    MS = "ms"
    NOP = "nop"
    ZZ = "zz"

    def __str__(self) -> str:
        return str(self.value)
