from enum import StrEnum


class UsageGrouping(StrEnum):
    JOB = "job"
    PROJECT = "project"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
