"""Quantum functions in typed Python: :class:`HamiltonianEnergy` -> the create-job body.

A variational loop evaluates one energy per step; writing IonQ's nested
``quantum-function`` body by hand each time (``input.data.data.hamiltonian[i]``...)
is where mistakes hide, so this builder takes the three things that vary (the
ansatz, the Pauli terms, the parameter values) and the usual job fields, in the
style of :class:`~ionq_client.job.IonQJob`. The body it builds is checked by
:func:`~ionq_client.job.validate_payload`, the rules a hand-written dict meets,
with errors naming this class's fields (``hamiltonian[1]``, ``params``, ``ansatz``).

Q-CTRL QAOA jobs (``qctrl.qaoa.v1``) have no builder: their body is short, and the
graph is NetworkX's ``adjacency_data``; submit it as a dict (or ``QaoaJobPayload``)::

    {"type": "qctrl.qaoa.v1", "backend": "simulator",
     "input": {"problem_type": "maxcut", "problem": networkx.adjacency_data(graph)},
     "external_settings": {"api_credentials": QCTRL_KEY}}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._exceptions import IonQValidationError
from .job import FUNCTION_TYPE, HAMILTONIAN_ENERGY, ErrorMitigation, renamed, validate_payload

__all__ = ["HamiltonianEnergy"]

#: Wire paths -> this builder's field names, for error messages (longest first).
_FIELD_NAMES = (
    ("input.data.data.hamiltonian", "hamiltonian"),
    ("input.data.data.ansatz.data", "ansatz"),
    ("input.params", "params"),
    ("settings.error_mitigation", "error_mitigation"),
)


@dataclass(frozen=True, kw_only=True)
class HamiltonianEnergy:
    """The energy <psi(params)|H|psi(params)> as one ``quantum-function`` job.

    ``ansatz``: an OpenQASM 3 program whose ``input float`` declarations are its
    parameters; ``params``: their values, in that order. ``hamiltonian``: pairs
    ``(coefficient, pauli_string)``, each string dense (``"ZIX"``, the last letter on
    qubit 0, as Qiskit writes them) or sparse (``"Z0 X2"``).

    >>> HamiltonianEnergy(ansatz=QASM, hamiltonian=[(0.5, "ZZ"), (-1.0, "XI")], params=[0.1])
    """

    ansatz: str
    hamiltonian: Sequence[tuple[float, str]]
    params: Iterable[float] = ()
    backend: str = "simulator"
    shots: int = 100
    name: str | None = None
    metadata: Mapping[str, str] | None = None
    error_mitigation: ErrorMitigation | None = None
    session_id: str | None = None
    dry_run: bool = False

    def __post_init__(self) -> None:
        # An optimizer's array or generator, read once, so every payload is the same.
        if isinstance(self.params, Iterable) and not isinstance(self.params, (str, bytes, Mapping)):
            object.__setattr__(self, "params", tuple(self.params))

    def with_params(self, params: Iterable[float]) -> HamiltonianEnergy:
        """The same energy at other parameter values (one step of an optimizer)."""
        return dataclasses.replace(self, params=params)

    def to_payload(self) -> dict[str, Any]:
        """The JSON body for ``POST /jobs``, validated; raises IonQValidationError
        naming the field as this class calls it."""
        try:
            payload = self._payload()
            validate_payload(payload)
        except IonQValidationError as error:
            raise renamed(error, _FIELD_NAMES) from None
        return payload

    def _payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "type": FUNCTION_TYPE,
            "backend": self.backend,
            "shots": self.shots,
            "input": {
                "data": {
                    "type": HAMILTONIAN_ENERGY,
                    "data": {
                        "hamiltonian": self._terms(),
                        "ansatz": {"data": self.ansatz},
                    },
                },
                "params": self._params(),
            },
        }
        if self.name is not None:
            payload["name"] = self.name
        if self.metadata:
            payload["metadata"] = dict(self.metadata)
        if self.session_id is not None:
            payload["session_id"] = self.session_id
        if self.error_mitigation is not None:
            if not isinstance(self.error_mitigation, ErrorMitigation):
                raise IonQValidationError("error_mitigation", "must be an ErrorMitigation instance")
            mitigation = self.error_mitigation.to_dict()
            if mitigation:
                payload["settings"] = {"error_mitigation": mitigation}
        if self.dry_run is not False:
            payload["dry_run"] = self.dry_run  # a non-bool reaches validate_payload's error
        return payload

    def _terms(self) -> list[dict[str, Any]]:
        if isinstance(self.hamiltonian, (str, bytes, Mapping)) or not isinstance(
            self.hamiltonian, Sequence
        ):
            raise IonQValidationError(
                "hamiltonian", "must be a list of (coefficient, pauli_string) pairs"
            )
        terms = []
        for i, term in enumerate(self.hamiltonian):
            if isinstance(term, (str, bytes)) or not isinstance(term, Sequence) or len(term) != 2:
                raise IonQValidationError(
                    f"hamiltonian[{i}]", "must be a (coefficient, pauli_string) pair"
                )
            coefficient, pauli = term
            if isinstance(coefficient, str) and not isinstance(pauli, str):
                raise IonQValidationError(
                    f"hamiltonian[{i}]",
                    "must be (coefficient, pauli_string): the coefficient comes first",
                )
            terms.append({"pauli_string": pauli, "coefficient": _plain(coefficient)})
        return terms

    def _params(self) -> list[Any]:
        # Any iterable of numbers: a list, a tuple, a numpy array from an optimizer.
        if isinstance(self.params, (str, bytes, Mapping)) or not isinstance(self.params, Iterable):
            raise IonQValidationError("params", "must be a list of numbers")
        return [_plain(p) for p in self.params]


def _plain(number: object) -> object:
    """A real number as a JSON float (numpy's ``float32``, ``int64``... included);
    anything else as it is, for ``validate_payload`` to name."""
    if isinstance(number, (bool, str, bytes, complex)) or not hasattr(number, "__float__"):
        return number
    try:
        return float(number)
    except (TypeError, ValueError):
        return number
