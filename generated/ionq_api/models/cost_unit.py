from enum import StrEnum


class CostUnit(StrEnum):
    CREDIT = "credit"
    USD = "usd"

    def __str__(self) -> str:
        return str(self.value)
