from enum import StrEnum


class QaoaProcessingStatus(StrEnum):
    COMPLETE = "complete"
    MAX_ITERATION = "max_iteration"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
