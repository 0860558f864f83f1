"""Run flows across replicas and say which state was lost, where, and why it likely was."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import requests

from berth.verify.client import ReplicaClient
from berth.verify.flows import Flow, Skipped
from berth.verify.target import Replica, Target, TargetError

__all__ = ["Failure", "FlowResult", "Report", "run_flows"]

WRITE = "write"
SAME_REPLICA = "read back on the replica that wrote it"
OTHER_REPLICA = "read on another replica"
AFTER_RESTART = "read after every replica restarted with a fresh tree"

_WHERE = {
    SAME_REPLICA: "The flow itself fails on one replica: a bug in the flow or the project, "
    "not lost state.",
    OTHER_REPLICA: "Kept only by the replica that wrote it: on its local disk or in its memory.",
    AFTER_RESTART: "Shared by the running replicas but gone after a restart: kept on the "
    "machine outside the replicas' trees, or in a process that restarted with them.",
}
_NEVER_SHARED = (
    "Never shared (another replica had already missed it): kept only by the replica that wrote "
    "it, on its local disk or in its memory, and gone when it restarted."
)


@dataclass
class Failure:
    phase: str
    written_on: str
    read_on: str
    problem: str
    likely_cause: str


@dataclass
class FlowResult:
    name: str
    failures: list[Failure] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    """The project's URL paths the flow requested, in the order first asked for."""
    skipped: str | None = None
    """Why the flow did not run: what the project lacks."""
    leftover: str | None = None
    """Why what the flow made could not be removed afterwards."""
    doctor_rules: tuple[str, ...] = ()
    """The flow's :attr:`Flow.doctor_rules`."""
    warns_only: bool = False
    """The flow's :attr:`Flow.warns_only`: its failures are warnings."""

    @property
    def held(self) -> bool:
        """The state was made and found everywhere: never true of a skipped flow."""
        return not self.failures and self.skipped is None


@dataclass
class Report:
    replicas: list[str]
    restarted: bool
    flows: list[FlowResult]

    @property
    def held(self) -> bool:
        """No state was lost (skipped flows lose none, and warnings are not losses)."""
        return not any(flow.failures and not flow.warns_only for flow in self.flows)

    def as_dict(self) -> dict[str, Any]:
        return {
            "held": self.held,
            "replicas": self.replicas,
            "restarted": self.restarted,
            "flows": [
                {
                    "name": f.name,
                    "held": f.held,
                    "warning": bool(f.failures) and f.warns_only,
                    "failures": [asdict(x) for x in f.failures],
                    "paths": f.paths,
                    "skipped": f.skipped,
                    "leftover": f.leftover,
                }
                for f in self.flows
            ],
        }


def run_flows(
    flows: list[Flow],
    target: Target,
    *,
    restart: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> Report:
    if len(target.replicas) < 2:
        raise TargetError("berth verify needs at least two replicas to compare")
    writer, *others = target.replicas
    results: list[FlowResult] = []
    written: list[tuple[Flow, FlowResult, dict[str, str], Any]] = []
    attempted: list[tuple[Flow, FlowResult]] = []
    current = target
    restarted = False
    try:
        for flow in flows:
            result = FlowResult(
                flow.title, doctor_rules=flow.doctor_rules, warns_only=flow.warns_only
            )
            results.append(result)
            cookies: dict[str, str] = {}
            progress(f"{flow.title}: write on {writer.name}")
            # Before the write: one interrupted half-way may have made something already.
            attempted.append((flow, result))
            try:
                state = flow.write(_client(target, writer, cookies, result))
            except Skipped as skipped:
                attempted.pop()
                result.skipped = str(skipped)
                continue
            except Exception as error:
                result.failures.append(_failure(flow, WRITE, writer, writer, error))
                continue
            if not _read(flow, state, target, writer, writer, cookies, SAME_REPLICA, result):
                continue
            for other in others:
                progress(f"{flow.title}: read on {other.name}")
                _read(flow, state, target, writer, other, cookies, OTHER_REPLICA, result)
            written.append((flow, result, cookies, state))

        if restart and target.can_restart and written:
            progress("restarting every replica with a fresh tree")
            current = target.restart_all()
            restarted = True
            for flow, result, cookies, state in written:
                shared = not any(f.phase == OTHER_REPLICA for f in result.failures)
                for replica in current.replicas:
                    progress(f"{flow.title}: read on {replica.name} after the restart")
                    _read(
                        flow,
                        state,
                        current,
                        writer,
                        replica,
                        cookies,
                        AFTER_RESTART,
                        result,
                        shared=shared,
                    )
    finally:
        # Also on Ctrl-C or a failed restart: a throwaway admin must not outlive the run.
        _clean_up(attempted, current, progress)
    return Report([r.name for r in target.replicas], restarted, results)


def _client(
    target: Target, replica: Replica, cookies: dict[str, str], result: FlowResult
) -> ReplicaClient:
    return ReplicaClient(replica.name, replica.url, cookies, result.paths, target.operator(replica))


def _clean_up(
    attempted: list[tuple[Flow, FlowResult]], target: Target, progress: Callable[[str], None]
) -> None:
    replica = target.replicas[0]
    if attempted:
        progress(f"cleaning up what the flows made, on {replica.name}")
    for flow, result in attempted:
        try:
            flow.cleanup(_client(target, replica, {}, FlowResult(flow.title)))
        except Exception as error:
            result.leftover = f"{type(error).__name__}: {error}"
            progress(f"{flow.title}: could not clean up: {result.leftover}")


def _read(
    flow: Flow,
    state: Any,
    target: Target,
    writer: Replica,
    reader: Replica,
    cookies: dict[str, str],
    phase: str,
    result: FlowResult,
    *,
    shared: bool = True,
) -> bool:
    try:
        # Each read gets a copy: a read that logs out must not log out the next one.
        flow.read(_client(target, reader, dict(cookies), result), state)
    except Exception as error:
        result.failures.append(_failure(flow, phase, writer, reader, error, shared=shared))
        return False
    return True


def _failure(
    flow: Flow,
    phase: str,
    writer: Replica,
    reader: Replica,
    error: Exception,
    *,
    shared: bool = True,
) -> Failure:
    """``shared``: every other replica read the state before the restart, so the cause of a
    loss after it is the restart, not the replica that kept it alone."""
    if isinstance(error, AssertionError):
        problem = str(error) or "an assertion failed"
    elif isinstance(error, requests.RequestException):
        problem = f"HTTP request failed: {type(error).__name__}"
    else:
        problem = f"{type(error).__name__}: {error}"
    cause = _WHERE.get(phase, "The flow could not write its state.")
    if phase == AFTER_RESTART and not shared:
        cause = _NEVER_SHARED
    if flow.likely_cause and phase in (OTHER_REPLICA, AFTER_RESTART):
        cause = f"{cause} Likely: {flow.likely_cause}"
    return Failure(phase, writer.name, reader.name, problem, cause)
