from enum import StrEnum


class BackendStatus(StrEnum):
    AVAILABLE = "available"
    RETIRED = "retired"
    UNAVAILABLE = "unavailable"

    def __str__(self) -> str:
        return str(self.value)
