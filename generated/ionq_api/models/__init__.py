"""Contains all the data models used in inputs/outputs"""

from .aggregated_probabilities import AggregatedProbabilities
from .aggregation_artifact_descriptor import AggregationArtifactDescriptor
from .aggregations_output import AggregationsOutput
from .ansatz import Ansatz
from .artifact_descriptor import ArtifactDescriptor
from .backend_info import BackendInfo
from .backend_status import BackendStatus
from .characterization import Characterization
from .characterization_list import CharacterizationList
from .circuit_entry import CircuitEntry
from .circuit_entry_registers import CircuitEntryRegisters
from .circuit_job_payload import CircuitJobPayload
from .compilation_settings import CompilationSettings
from .cost_amount import CostAmount
from .cost_unit import CostUnit
from .debiasing_output import DebiasingOutput
from .error import Error
from .error_mitigation_output import ErrorMitigationOutput
from .error_mitigation_settings import ErrorMitigationSettings
from .failure_code import FailureCode
from .fidelities import Fidelities
from .fidelity_statistic import FidelityStatistic
from .format_id import FormatId
from .format_schema import FormatSchema
from .function_job_settings import FunctionJobSettings
from .gate_counts import GateCounts
from .gate_set import GateSet
from .generic_quantum_function_input import GenericQuantumFunctionInput
from .generic_quantum_function_input_data import GenericQuantumFunctionInputData
from .hamiltonian_energy_data import HamiltonianEnergyData
from .hamiltonian_energy_function import HamiltonianEnergyFunction
from .hamiltonian_energy_input import HamiltonianEnergyInput
from .hamiltonian_pauli_term import HamiltonianPauliTerm
from .histogram import Histogram
from .histogram_v2 import HistogramV2
from .histogram_v2_histogram import HistogramV2Histogram
from .histogram_v2_histogram_registers import HistogramV2HistogramRegisters
from .job_canceled import JobCanceled
from .job_copy_payload import JobCopyPayload
from .job_cost import JobCost
from .job_created import JobCreated
from .job_creation_settings import JobCreationSettings
from .job_deleted import JobDeleted
from .job_failure import JobFailure
from .job_ids import JobIds
from .job_list import JobList
from .job_metadata import JobMetadata
from .job_noise import JobNoise
from .job_output import JobOutput
from .job_output_compilation import JobOutputCompilation
from .job_output_compilation_compiled_circuits import (
    JobOutputCompilationCompiledCircuits,
)
from .job_payload_type import JobPayloadType
from .job_settings import JobSettings
from .job_stats import JobStats
from .job_status import JobStatus
from .jobs_canceled import JobsCanceled
from .jobs_deleted import JobsDeleted
from .json_document import JsonDocument
from .linear_constraint import LinearConstraint
from .multi_circuit_gate import MultiCircuitGate
from .multi_circuit_input import MultiCircuitInput
from .multi_circuit_job import MultiCircuitJob
from .multi_circuit_job_metadata_type_0 import MultiCircuitJobMetadataType0
from .multi_circuit_job_payload import MultiCircuitJobPayload
from .native_circuit_input import NativeCircuitInput
from .native_gate import NativeGate
from .native_gate_name import NativeGateName
from .noise_model import NoiseModel
from .noise_settings import NoiseSettings
from .probabilities import Probabilities
from .probabilities_v2 import ProbabilitiesV2
from .probabilities_v2_probabilities import ProbabilitiesV2Probabilities
from .probabilities_v2_probabilities_registers import (
    ProbabilitiesV2ProbabilitiesRegisters,
)
from .qaoa_external_settings import QaoaExternalSettings
from .qaoa_job import QaoaJob
from .qaoa_job_input import QaoaJobInput
from .qaoa_job_input_problem import QaoaJobInputProblem
from .qaoa_job_metadata_type_0 import QaoaJobMetadataType0
from .qaoa_job_output_type_0 import QaoaJobOutputType0
from .qaoa_job_payload import QaoaJobPayload
from .qaoa_job_results import QaoaJobResults
from .qaoa_job_stats_type_0 import QaoaJobStatsType0
from .qaoa_processing_status import QaoaProcessingStatus
from .qaoa_results import QaoaResults
from .qasm_3_input import Qasm3Input
from .qasm_3_job_payload import Qasm3JobPayload
from .qis_circuit_input import QisCircuitInput
from .qis_gate import QisGate
from .qis_gate_name import QisGateName
from .quadratic_constraint import QuadraticConstraint
from .quantum_function_job import QuantumFunctionJob
from .quantum_function_job_metadata_type_0 import QuantumFunctionJobMetadataType0
from .quantum_function_job_output_type_0 import QuantumFunctionJobOutputType0
from .quantum_function_job_payload import QuantumFunctionJobPayload
from .quantum_function_job_results import QuantumFunctionJobResults
from .quantum_function_job_stats_type_0 import QuantumFunctionJobStatsType0
from .rate_card import RateCard
from .rate_card_estimate import RateCardEstimate
from .rate_card_estimate_estimate_context import RateCardEstimateEstimateContext
from .rate_card_rates_item import RateCardRatesItem
from .rate_information_estimate import RateInformationEstimate
from .rate_information_estimate_input_values import RateInformationEstimateInputValues
from .rate_information_estimate_rate_information import (
    RateInformationEstimateRateInformation,
)
from .register_histogram import RegisterHistogram
from .register_probabilities import RegisterProbabilities
from .result_artifacts import ResultArtifacts
from .result_link import ResultLink
from .result_urls import ResultUrls
from .session import Session
from .session_cost_limit import SessionCostLimit
from .session_creation_payload import SessionCreationPayload
from .session_limits import SessionLimits
from .session_list import SessionList
from .session_settings import SessionSettings
from .session_status import SessionStatus
from .shot_v2 import ShotV2
from .shot_v2_registers import ShotV2Registers
from .shots_v2 import ShotsV2
from .single_circuit_job import SingleCircuitJob
from .single_circuit_job_metadata_type_0 import SingleCircuitJobMetadataType0
from .single_circuit_job_type import SingleCircuitJobType
from .symmetry_verification_output import SymmetryVerificationOutput
from .timings import Timings
from .usage_grouping import UsageGrouping
from .usage_modality import UsageModality
from .usage_report import UsageReport
from .usage_report_usage_data_item import UsageReportUsageDataItem
from .validation_detail import ValidationDetail
from .variant_info import VariantInfo
from .variant_info_results import VariantInfoResults
from .who_am_i import WhoAmI

__all__ = (
    "AggregatedProbabilities",
    "AggregationArtifactDescriptor",
    "AggregationsOutput",
    "Ansatz",
    "ArtifactDescriptor",
    "BackendInfo",
    "BackendStatus",
    "Characterization",
    "CharacterizationList",
    "CircuitEntry",
    "CircuitEntryRegisters",
    "CircuitJobPayload",
    "CompilationSettings",
    "CostAmount",
    "CostUnit",
    "DebiasingOutput",
    "Error",
    "ErrorMitigationOutput",
    "ErrorMitigationSettings",
    "FailureCode",
    "Fidelities",
    "FidelityStatistic",
    "FormatId",
    "FormatSchema",
    "FunctionJobSettings",
    "GateCounts",
    "GateSet",
    "GenericQuantumFunctionInput",
    "GenericQuantumFunctionInputData",
    "HamiltonianEnergyData",
    "HamiltonianEnergyFunction",
    "HamiltonianEnergyInput",
    "HamiltonianPauliTerm",
    "Histogram",
    "HistogramV2",
    "HistogramV2Histogram",
    "HistogramV2HistogramRegisters",
    "JobCanceled",
    "JobCopyPayload",
    "JobCost",
    "JobCreated",
    "JobCreationSettings",
    "JobDeleted",
    "JobFailure",
    "JobIds",
    "JobList",
    "JobMetadata",
    "JobNoise",
    "JobOutput",
    "JobOutputCompilation",
    "JobOutputCompilationCompiledCircuits",
    "JobPayloadType",
    "JobSettings",
    "JobStats",
    "JobStatus",
    "JobsCanceled",
    "JobsDeleted",
    "JsonDocument",
    "LinearConstraint",
    "MultiCircuitGate",
    "MultiCircuitInput",
    "MultiCircuitJob",
    "MultiCircuitJobMetadataType0",
    "MultiCircuitJobPayload",
    "NativeCircuitInput",
    "NativeGate",
    "NativeGateName",
    "NoiseModel",
    "NoiseSettings",
    "Probabilities",
    "ProbabilitiesV2",
    "ProbabilitiesV2Probabilities",
    "ProbabilitiesV2ProbabilitiesRegisters",
    "QaoaExternalSettings",
    "QaoaJob",
    "QaoaJobInput",
    "QaoaJobInputProblem",
    "QaoaJobMetadataType0",
    "QaoaJobOutputType0",
    "QaoaJobPayload",
    "QaoaJobResults",
    "QaoaJobStatsType0",
    "QaoaProcessingStatus",
    "QaoaResults",
    "Qasm3Input",
    "Qasm3JobPayload",
    "QisCircuitInput",
    "QisGate",
    "QisGateName",
    "QuadraticConstraint",
    "QuantumFunctionJob",
    "QuantumFunctionJobMetadataType0",
    "QuantumFunctionJobOutputType0",
    "QuantumFunctionJobPayload",
    "QuantumFunctionJobResults",
    "QuantumFunctionJobStatsType0",
    "RateCard",
    "RateCardEstimate",
    "RateCardEstimateEstimateContext",
    "RateCardRatesItem",
    "RateInformationEstimate",
    "RateInformationEstimateInputValues",
    "RateInformationEstimateRateInformation",
    "RegisterHistogram",
    "RegisterProbabilities",
    "ResultArtifacts",
    "ResultLink",
    "ResultUrls",
    "Session",
    "SessionCostLimit",
    "SessionCreationPayload",
    "SessionLimits",
    "SessionList",
    "SessionSettings",
    "SessionStatus",
    "ShotV2",
    "ShotV2Registers",
    "ShotsV2",
    "SingleCircuitJob",
    "SingleCircuitJobMetadataType0",
    "SingleCircuitJobType",
    "SymmetryVerificationOutput",
    "Timings",
    "UsageGrouping",
    "UsageModality",
    "UsageReport",
    "UsageReportUsageDataItem",
    "ValidationDetail",
    "VariantInfo",
    "VariantInfoResults",
    "WhoAmI",
)
