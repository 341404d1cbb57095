"""The CI templates parse, call `slip` only with formats and options it has, and the GitLab Code
Quality conversion they carry turns a real report into valid Code Quality issues."""
from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.reporters import REPORTERS
from checker.runner import run
from tests.conftest import DEMO_AS_OF, ROOT

TEMPLATES = ROOT / "ci-templates"
GITHUB = yaml.safe_load((TEMPLATES / "github-actions.yml").read_text(encoding="utf-8"))
GITLAB = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8"))


def _github_steps() -> list[dict]:
    return GITHUB["jobs"]["periksa"]["steps"]


def _slip_commands(text: str) -> list[list[str]]:
    return [shlex.split(line.split("||")[0].split(">>")[0]) for line in text.splitlines() if line.strip().startswith("slip ")]


def _all_commands() -> list[list[str]]:
    runs = [step.get("run", "") for step in _github_steps()]
    runs += [line for job in GITLAB.values() if isinstance(job, dict) for line in job.get("script", [])]
    return [command for text in runs for command in _slip_commands(text)]


def test_github_workflow_runs_on_push_and_pull_request_with_python_311():
    triggers = GITHUB.get("on", GITHUB.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request"}
    setup = next(s for s in _github_steps() if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"
    assert GITHUB["permissions"]["security-events"] == "write"


def test_github_workflow_annotates_uploads_sarif_summarises_and_keeps_the_site():
    runs = "\n".join(s.get("run", "") for s in _github_steps())
    assert "slip check villages --format github" in runs
    assert "slip check villages --format sarif --output slip.sarif" in runs
    assert 'slip check villages --format markdown >> "$GITHUB_STEP_SUMMARY"' in runs
    assert "slip build villages --output output" in runs and "cp -rL output situs-desa" in runs
    upload = next(s for s in _github_steps() if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "slip.sarif"
    artifact = next(s for s in _github_steps() if s.get("uses", "").startswith("actions/upload-artifact"))
    assert artifact["with"]["path"].rstrip("/") == "situs-desa"
    failing = _github_steps()[-1]
    assert failing["if"] == "steps.periksa.outcome == 'failure'" and "exit 1" in failing["run"]


def test_gitlab_pipeline_reports_junit_and_code_quality():
    job = GITLAB["periksa"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {"junit": "slip-junit.xml", "codequality": "gl-code-quality-report.json"}
    script = "\n".join(job["script"])
    assert "slip check villages --format junit --output slip-junit.xml" in script
    assert job["script"][-1] == "slip check villages"  # its exit code decides the job
    assert GITLAB["bangun"]["artifacts"]["paths"] == ["public/"] and "cp -rL output public" in "\n".join(GITLAB["bangun"]["script"])


def test_every_slip_command_in_the_templates_uses_a_real_format_and_option():
    commands = _all_commands()
    assert len(commands) >= 7
    for command in commands:
        assert command[:2] in (["slip", "check"], ["slip", "build"]), command
        for index, arg in enumerate(command):
            if arg == "--format":
                assert command[index + 1] in REPORTERS, command
            if arg.startswith("--"):
                assert arg in ("--format", "--output", "--as-of", "--strict", "--lang"), command


def _code_quality_script() -> str:
    block = next(line for line in GITLAB["periksa"]["script"] if "gl-code-quality-report.json" in line)
    match = re.search(r"<<'PY'\n(.*)\nPY", block, re.S)
    assert match, "the conversion is a python3 heredoc"
    return match.group(1)


def test_the_code_quality_conversion_turns_a_real_report_into_gitlab_issues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)  # CI runs `slip check villages` from the repository's root
    report = run([Path("villages")], as_of=DEMO_AS_OF)
    (tmp_path / "slip.json").write_text(REPORTERS["json"](report, "id"), encoding="utf-8")
    subprocess.run([sys.executable, "-c", _code_quality_script()], cwd=tmp_path, check=True, capture_output=True)
    issues = json.loads((tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    findings = [f for v in report.villages for f in v.result.findings]
    assert len(issues) == len(findings) > 0
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab drops duplicates by fingerprint
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        path = issue["location"]["path"]  # relative to the repository, as GitLab links it
        assert path.startswith("villages/") and (ROOT / path).parent.is_dir(), issue["location"]
        assert isinstance(issue["location"]["lines"]["begin"], int)
    first = next(i for i in issues if i["check_name"] == "apbdes-arithmetic")
    assert first["location"] == {"path": "villages/sumberwuluh/apbdes/2026.yaml", "lines": {"begin": 133}}


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_templates_are_commented_in_indonesian(name: str):
    head = (TEMPLATES / name).read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# Pemeriksaan SLIP Desa di")


def _install_scripts() -> dict[str, str]:
    """The shell that installs slip-desa in each template, as the CI runner would run it."""
    github = next(s for s in _github_steps() if s.get("id") == "pasang")["run"]
    gitlab = "\n".join(GITLAB["default"]["before_script"])
    return {"github": github, "gitlab": gitlab}


def test_the_install_source_is_one_named_variable_not_a_placeholder_url():
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        assert "PEMILIK" not in text and "git+https://github.com/PEMILIK" not in text
    assert GITHUB["env"]["SLIP_DESA_SOURCE"] == "${{ vars.SLIP_DESA_SOURCE }}"
    assert GITLAB["variables"]["SLIP_DESA_SOURCE"] == ""
    for script in _install_scripts().values():
        assert 'pip install' in script and '"$SLIP_DESA_SOURCE"' in script


def _fake_tools(tmp_path: Path) -> dict[str, str]:
    """pip and apt-get stand-ins that record their arguments, first on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pip", "apt-get"):
        (bin_dir / tool).write_text(f'#!/bin/sh\necho "$@" >> "{tmp_path}/{tool}.log"\n', encoding="utf-8")
        (bin_dir / tool).chmod(0o755)
    return {"PATH": f"{bin_dir}:/usr/bin:/bin"}


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_an_unset_source_fails_first_with_an_indonesian_message(ci: str, tmp_path: Path):
    env = {**_fake_tools(tmp_path), "SLIP_DESA_SOURCE": ""}
    done = subprocess.run(["bash", "-euc", _install_scripts()[ci]], env=env, capture_output=True, text=True)
    assert done.returncode == 1
    assert "SLIP_DESA_SOURCE belum" in done.stdout and "docs/panduan-it-kabupaten.md" in done.stdout
    assert not (tmp_path / "pip.log").exists()  # nothing was installed from a guessed address


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_a_set_source_is_what_pip_installs(ci: str, tmp_path: Path):
    source = "slip-desa @ git+https://gitlab.example/kominfo/slip-desa@v0.1.0"
    env = {**_fake_tools(tmp_path), "SLIP_DESA_SOURCE": source}
    done = subprocess.run(["bash", "-euc", _install_scripts()[ci]], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "pip.log").read_text(encoding="utf-8").split("\n")[0].endswith(source)
