from enum import StrEnum


class SessionStatus(StrEnum):
    CREATED = "created"
    ENDED = "ended"
    STARTED = "started"

    def __str__(self) -> str:
        return str(self.value)
