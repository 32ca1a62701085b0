from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.qaoa_job_input_problem import QaoaJobInputProblem


T = TypeVar("T", bound="QaoaJobInput")


@_attrs_define
class QaoaJobInput:
    """The problem to solve.

    Attributes:
        problem_type (Literal['maxcut']): The kind of problem; IonQ documents only maximum cut.
        problem (QaoaJobInputProblem): The graph, as NetworkX's `adjacency_data` writes it (`directed`, `multigraph`,
            `graph`, `nodes`, `adjacency`).
    """

    problem_type: Literal["maxcut"]
    problem: QaoaJobInputProblem
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        problem_type = self.problem_type

        problem = self.problem.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "problem_type": problem_type,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.qaoa_job_input_problem import QaoaJobInputProblem

        d = dict(src_dict)
        problem_type = cast(Literal["maxcut"], d.pop("problem_type"))
        if problem_type != "maxcut":
            raise ValueError(
                f"problem_type must match const 'maxcut', got '{problem_type}'"
            )

        problem = QaoaJobInputProblem.from_dict(d.pop("problem"))

        qaoa_job_input = cls(
            problem_type=problem_type,
            problem=problem,
        )

        qaoa_job_input.additional_properties = d
        return qaoa_job_input

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
