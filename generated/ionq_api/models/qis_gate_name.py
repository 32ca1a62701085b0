from enum import StrEnum


class QisGateName(StrEnum):
    CNOT = "cnot"
    H = "h"
    NOT = "not"
    PAULIEXP = "pauliexp"
    RX = "rx"
    RY = "ry"
    RZ = "rz"
    S = "s"
    SI = "si"
    SWAP = "swap"
    T = "t"
    TI = "ti"
    V = "v"
    VI = "vi"
    X = "x"
    XX = "xx"
    Y = "y"
    YY = "yy"
    Z = "z"
    ZZ = "zz"

    def __str__(self) -> str:
        return str(self.value)
