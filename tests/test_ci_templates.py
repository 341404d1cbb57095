"""The CI templates: valid against the official workflow schemas, on the right triggers with the
right permissions, and their shell steps, run in order against a temporary village repository,
check, build and hand the upload step a real folder with the site in it.

What runs for real: every `run:` step of the GitHub jobs and the `before_script` + `script` of every
GitLab job, with bash, as the runners do (`bash --noprofile --norc -eo pipefail` on GitHub, `set -eo
pipefail` and one shell per job on GitLab), and `slip` itself. What is stood in for: the hosted
actions (checkout, cache, configure-pages, upload-pages-artifact, deploy-pages, upload-sarif: the
emulator checks what they would be given), `pip` and `apt-get` (stubs that record their arguments),
and the runner's reading of `if:`, `rules:`, `needs:` and `${{ }}` (a small evaluator of the few
expressions the templates use, below; an expression it cannot read fails the test).
"""
from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from checker.reporters import REPORTERS
from checker.run.pipeline import run
from tests.conftest import DEMO, DEMO_AS_OF, ROOT

TEMPLATES = ROOT / "ci-templates"
SCHEMAS = ROOT / "tests" / "data" / "schemas"
AS_OF = DEMO_AS_OF.isoformat()  # the templates take it from SLIP_AS_OF; they never write a date
PAGES_URL = "https://kominfo-lumajang.github.io/desa-desa"  # what configure-pages gives as base_url
GITLAB_PAGES_URL = "https://kominfo-lumajang.gitlab.io/desa-desa"


class _Loader(yaml.SafeLoader):
    """YAML as GitHub and GitLab read it for these files: only true/false are booleans, so the key
    `on:` stays the string "on" (PyYAML's YAML 1.1 would make it True, and yes/no/off too)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


GITHUB_TEXT = (TEMPLATES / "github-actions.yml").read_text(encoding="utf-8")
GITLAB_TEXT = (TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8")
GITHUB = _load(GITHUB_TEXT)
GITLAB = _load(GITLAB_TEXT)
GITLAB_KEYWORDS = {"stages", "variables", "workflow", "default", "include", "image", "services", "cache",
                   "before_script", "after_script"}


def _demo_source(slug: str = "kraton") -> Path:
    """A demo village to copy: the tests' own (tests/data/demo), never the repository's villages/."""
    return DEMO / slug


# --- the official schemas -------------------------------------------------------------------------

def _schema_errors(document: Any, schema_name: str) -> list[str]:
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}" for error in validator(schema).iter_errors(document)]


def _template_errors(ci: str, document: Any) -> list[str]:
    if ci == "github":
        return _schema_errors(document, "github-workflow.json")
    return _schema_errors(document, "gitlab-ci.json") + _schema_errors(_gitlab_merged(document), "gitlab-ci.json")


def test_the_loader_keeps_on_as_a_string_key():
    assert "on" in GITHUB and True not in GITHUB
    assert _load("on: push\noff: 1\nyes: no\nok: true\n") == {"on": "push", "off": 1, "yes": "no", "ok": True}


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_the_templates_are_valid_against_the_official_schemas(ci: str):
    assert _template_errors(ci, GITHUB if ci == "github" else GITLAB) == []


BROKEN = [
    ("github", "    runs-on: ubuntu-latest\n    permissions:\n      contents: read  ",
     "    run-on: ubuntu-latest\n    permissions:\n      contents: read  "),  # misspelt key
    ("github", "pages: write", "pages: writ"),  # a permission level that does not exist
    ("github", '- cron: "0 1 * * *"', '- crom: "0 1 * * *"'),
    ("github", "        uses: actions/deploy-pages@v5", "        use: actions/deploy-pages@v5"),
    ("gitlab", "  artifacts:\n    paths:\n      - public/", "  artifacts:\n    path:\n      - public/"),
    ("gitlab", "  stage: periksa\n  script:", "  stage: periksa\n  scripts:"),
    ("gitlab", "      when: never", "      when: nevermore"),
]


@pytest.mark.parametrize(("ci", "right", "wrong"), BROKEN, ids=[wrong.strip()[:24] for _, _, wrong in BROKEN])
def test_a_broken_copy_of_a_template_fails_the_schema(ci: str, right: str, wrong: str):
    text = GITHUB_TEXT if ci == "github" else GITLAB_TEXT
    assert text.count(right) == 1, right
    assert _template_errors(ci, _load(text.replace(right, wrong))), f"the schema accepted {wrong!r}"


def test_the_vendored_schemas_are_the_official_ones_and_say_where_they_come_from():
    github = json.loads((SCHEMAS / "github-workflow.json").read_text(encoding="utf-8"))
    gitlab = json.loads((SCHEMAS / "gitlab-ci.json").read_text(encoding="utf-8"))
    assert github["$id"] == "https://json.schemastore.org/github-workflow.json"
    assert gitlab["$id"] == "https://gitlab.com/.gitlab-ci.yml"
    notes = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    for name in ("github-workflow.json", "gitlab-ci.json"):
        line = next(line for line in notes.splitlines() if f"`{name}`" in line)
        assert re.search(r"\b[0-9a-f]{40}\b", line) and ("Apache" in line or "MIT" in line), line


# --- what the templates say -----------------------------------------------------------------------

ACTIONS = {  # the official actions at their current major versions
    "actions/checkout": "v7", "actions/setup-python": "v7", "actions/cache": "v5",
    "actions/configure-pages": "v5", "actions/upload-pages-artifact": "v5", "actions/deploy-pages": "v5",
    "github/codeql-action/upload-sarif": "v4",
}


def _github_steps(job: str = "periksa") -> list[dict]:
    return GITHUB["jobs"][job]["steps"]


def _step(uses: str, job: str = "periksa") -> dict:
    return next(s for s in _github_steps(job) if s.get("uses", "").split("@")[0] == uses)


def test_github_runs_on_push_pull_request_a_daily_schedule_and_by_hand():
    triggers = GITHUB["on"]
    assert set(triggers) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    (schedule,) = triggers["schedule"]
    assert schedule["cron"].split()[2:] == ["*", "*", "*"]  # every day
    assert _step("actions/setup-python")["with"]["python-version"] == "3.11"


def test_github_uses_the_official_actions_at_their_current_major_versions():
    used = {s["uses"].split("@")[0]: s["uses"].split("@")[1] for job in GITHUB["jobs"].values() for s in job["steps"] if "uses" in s}
    assert used == ACTIONS


def test_github_permissions_are_the_least_each_job_needs():
    assert GITHUB["permissions"] == {"contents": "read"}
    check = GITHUB["jobs"]["periksa"]["permissions"]
    assert check["security-events"] == "write" and check["pages"] == "read" and "id-token" not in check
    deploy = GITHUB["jobs"]["terbitkan"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert _step("actions/deploy-pages", "terbitkan")["id"] == "deployment"
    assert deploy["needs"] == "periksa" and deploy["concurrency"]["cancel-in-progress"] is False


def test_github_builds_with_the_pages_address_and_uploads_the_copied_folder():
    build = next(s for s in _github_steps() if s.get("id") == "bangun")
    assert build["env"] == {"SLIP_SITE_URL": "${{ steps.pages.outputs.base_url }}"}
    assert _step("actions/configure-pages")["id"] == "pages"
    assert "cp -rL output situs-desa" in build["run"]
    assert _step("actions/upload-pages-artifact")["with"]["path"].rstrip("/") == "situs-desa"
    assert _step("github/codeql-action/upload-sarif")["with"]["sarif_file"] == "slip.sarif"
    failing = _github_steps()[-1]
    assert failing["if"] == "!cancelled() && steps.periksa.outcome == 'failure'" and "exit 1" in failing["run"]


def test_no_run_step_carries_an_expression_and_no_template_writes_a_date():
    for step in _github_steps():
        assert "${{" not in step.get("run", ""), step  # values reach the shell through env, never pasted in
    for text in (GITHUB_TEXT, GITLAB_TEXT):
        code = "\n".join(line.split(" #")[0] for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", code)


def _gitlab_job(name: str, pipeline: dict | None = None, *, defaults: bool = True) -> dict:
    """A GitLab job as the pipeline sees it: `extends` merged (hashes deeply), `default` filled in."""
    pipeline = GITLAB if pipeline is None else pipeline
    job = copy.deepcopy(pipeline[name])
    parent = job.pop("extends", None)
    if parent:
        job = _deep_merge(_gitlab_job(parent, pipeline, defaults=False), job)
    for key, value in pipeline.get("default", {}).items() if defaults else ():
        job.setdefault(key, copy.deepcopy(value))
    return job


def _deep_merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _deep_merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return merged


def _gitlab_job_names(pipeline: dict | None = None) -> list[str]:
    return [name for name in (GITLAB if pipeline is None else pipeline) if name not in GITLAB_KEYWORDS and not name.startswith(".")]


def _gitlab_merged(pipeline: dict) -> dict:
    """The pipeline with `extends` merged into each job and the hidden jobs gone, as GitLab checks
    it: the schema lets a hidden key (`.situs`) be any YAML, so only the merged jobs prove it."""
    merged = {key: value for key, value in pipeline.items() if key in GITLAB_KEYWORDS}
    merged.update({name: _gitlab_job(name, pipeline, defaults=False) for name in _gitlab_job_names(pipeline)})
    return merged


def test_gitlab_pipeline_reports_junit_and_code_quality_and_publishes_pages():
    job = GITLAB["periksa"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {"junit": "slip-junit.xml", "codequality": "gl-code-quality-report.json"}
    assert job["script"][-1].split(" #")[0].startswith("slip check villages ")  # its exit code decides the job
    pages = _gitlab_job("pages")
    assert pages["artifacts"]["paths"] == ["public/"] and "cp -rL output public" in "\n".join(pages["script"])
    assert pages["needs"] == [] and pages["variables"] == {"SLIP_SITE_URL": "$CI_PAGES_URL"}
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert _gitlab_job("bangun")["script"] == pages["script"] and _gitlab_job("bangun")["artifacts"]["paths"] == ["public/"]


def _slip_commands(text: str) -> list[list[str]]:
    lines = [line.strip().split(" #")[0].split("||")[0].split(">>")[0] for line in text.splitlines()]
    return [line.replace('${SLIP_AS_OF:+--as-of "$SLIP_AS_OF"}', "--as-of DATE").split() for line in lines if line.startswith("slip ")]


def _all_commands() -> list[list[str]]:
    runs = [step.get("run", "") for step in _github_steps()]
    runs += [line for name in _gitlab_job_names() for line in _gitlab_job(name)["script"]]
    return [command for text in runs for command in _slip_commands(text)]


def test_every_slip_command_uses_a_real_format_and_option_and_passes_the_date_through():
    commands = _all_commands()
    assert len(commands) == 9  # 4 on GitHub, 3 in GitLab periksa, one build in each of pages and bangun
    for command in commands:
        assert command[:2] in (["slip", "check"], ["slip", "build"]), command
        assert command[-2:] == ["--as-of", "DATE"], command  # ${SLIP_AS_OF:+--as-of "$SLIP_AS_OF"}
        for index, arg in enumerate(command):
            if arg == "--format":
                assert command[index + 1] in REPORTERS, command
            if arg.startswith("--"):
                assert arg in ("--format", "--output", "--as-of"), command


# --- the GitLab Code Quality conversion -----------------------------------------------------------

def _code_quality_script() -> str:
    block = next(line for line in GITLAB["periksa"]["script"] if "gl-code-quality-report.json" in line)
    match = re.search(r"<<'PY'\n(.*)\nPY", block, re.DOTALL)
    assert match, "the conversion is a python3 heredoc"
    return match.group(1)


def test_the_code_quality_conversion_turns_a_real_report_into_gitlab_issues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    repo = tmp_path / "repo"
    for slug in ("kraton", "sumberwuluh", "supiturang"):
        shutil.copytree(_demo_source(slug), repo / "villages" / slug)
    monkeypatch.chdir(repo)  # CI runs `slip check villages` from the repository's root
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
        assert path.startswith("villages/") and (repo / path).parent.is_dir(), issue["location"]
        assert isinstance(issue["location"]["lines"]["begin"], int)
    first = next(i for i in issues if i["check_name"] == "apbdes-arithmetic")
    assert first["location"] == {"path": "villages/sumberwuluh/apbdes/2026.yaml", "lines": {"begin": 133}}


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_templates_are_commented_in_indonesian(name: str):
    head = (TEMPLATES / name).read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# Pemeriksaan SLIP Desa di")


# --- installing slip-desa -------------------------------------------------------------------------

def _install_scripts() -> dict[str, str]:
    """The shell that installs slip-desa in each template, as the CI runner would run it."""
    github = next(s for s in _github_steps() if s.get("id") == "pasang")["run"]
    gitlab = "\n".join(GITLAB["default"]["before_script"])
    return {"github": github, "gitlab": gitlab}


def test_the_install_source_is_one_named_variable_not_a_placeholder_url():
    for text in (GITHUB_TEXT, GITLAB_TEXT):
        assert "PEMILIK" not in text and "git+https://github.com/PEMILIK" not in text
    assert GITHUB["env"]["SLIP_DESA_SOURCE"] == "${{ vars.SLIP_DESA_SOURCE }}"
    assert GITLAB["variables"]["SLIP_DESA_SOURCE"] == ""
    for script in _install_scripts().values():
        assert 'pip install "$SLIP_DESA_SOURCE"' in script


def _tools(tmp_path: Path) -> Path:
    """A folder for the front of PATH: `pip` and `apt-get` stubs that record their arguments, a
    `slip` that runs the real one and records its exit code, SLIP_SITE_URL and arguments, and
    `python3` (the Code Quality conversion's interpreter). One line a call, fields split by \\x1f."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "log"
    log.mkdir()
    for tool in ("pip", "apt-get"):
        (bin_dir / tool).write_text(f"#!/bin/sh\n{{ printf '%s\\037' \"$@\"; printf '\\n'; }} >> '{log}/{tool}'\n", encoding="utf-8")
    (bin_dir / "slip").write_text(
        f"#!/bin/sh\n'{sys.executable}' -m checker \"$@\"\nrc=$?\n"
        f"{{ printf '%s\\037' \"$rc\" \"${{SLIP_SITE_URL-}}\" \"$@\"; printf '\\n'; }} >> '{log}/slip'\nexit $rc\n",
        encoding="utf-8")
    for tool in ("pip", "apt-get", "slip"):
        (bin_dir / tool).chmod(0o755)
    (bin_dir / "python3").symlink_to(sys.executable)
    return bin_dir


def _calls(tmp_path: Path, tool: str) -> list[list[str]]:
    path = tmp_path / "log" / tool
    if not path.exists():
        return []
    return [line.split("\x1f")[:-1] for line in path.read_text(encoding="utf-8").splitlines()]


def _base_env(tmp_path: Path) -> dict[str, str]:
    """A clean environment (nothing from the machine running the tests leaks into the steps)."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "CI": "true",
            "TMPDIR": str(tmp_path)}


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_an_unset_source_fails_first_with_an_indonesian_message(ci: str, tmp_path: Path):
    _tools(tmp_path)
    env = {**_base_env(tmp_path), "SLIP_DESA_SOURCE": ""}
    done = subprocess.run(["bash", "-euc", _install_scripts()[ci]], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "SLIP_DESA_SOURCE belum" in done.stdout and "docs/panduan-it-kabupaten.md" in done.stdout
    assert _calls(tmp_path, "pip") == []  # nothing was installed from a guessed address


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_a_set_source_is_what_pip_installs(ci: str, tmp_path: Path):
    _tools(tmp_path)
    source = "slip-desa @ git+https://gitlab.example/kominfo/slip-desa@v0.1.0"
    env = {**_base_env(tmp_path), "SLIP_DESA_SOURCE": source}
    done = subprocess.run(["bash", "-euc", _install_scripts()[ci]], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _calls(tmp_path, "pip") == [["install", source]]


# --- the runner's expressions (only what the templates use) ---------------------------------------

_GH_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<op>==|!=|&&|\|\||!|\(|\))|(?P<call>[A-Za-z_]\w*)\(\)"
                       r"|(?P<name>[A-Za-z_][\w.-]*))")
_GL_TOKEN = re.compile(r"\s*(?:(?P<var>\$\{?\w+\}?)|(?P<str>\"[^\"]*\"|'[^']*')|(?P<op>==|!=|&&|\|\||\(|\)))")
_PY_OP = {"&&": " and ", "||": " or ", "!": " not ", "==": " == ", "!=": " != ", "(": "(", ")": ")"}
_STATUS = re.compile(r"\b(success|failure|always|cancelled)\(\)")


def _translate(expression: str, token: re.Pattern, name: Callable[[re.Match], str]) -> str:
    out, pos, text = [], 0, expression.strip()
    while pos < len(text):
        match = token.match(text, pos)
        if not match or match.end() == pos or match.lastgroup is None:
            raise ValueError(f"the test's evaluator cannot read {text[pos:]!r} in {expression!r}")
        pos = match.end()
        kind, value = match.lastgroup, match.group(match.lastgroup)
        if kind == "str":
            out.append(repr(value[1:-1].replace("''", "'")))
        else:
            out.append(_PY_OP[value] if kind == "op" else name(match))
    return "".join(out)


@dataclass
class _GitHubContext:
    values: dict[str, Any]
    failed: bool = False  # an earlier step (or a needed job) failed: success() is false

    def get(self, dotted: str) -> Any:
        if dotted in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[dotted]
        value: Any = self.values
        for part in dotted.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def call(self, function: str) -> bool:
        return {"success": not self.failed, "failure": self.failed, "always": True, "cancelled": False}[function]

    def evaluate(self, expression: str) -> Any:
        python = _translate(expression, _GH_TOKEN, lambda m: f"_call({m['call']!r})" if m["call"] else f"_get({m['name']!r})")
        return eval(python, {"__builtins__": {}}, {"_call": self.call, "_get": self.get})  # only _translate's tokens

    def condition(self, expression: str | None) -> bool:
        text = (expression or "success()").strip()
        text = text[3:-2] if text.startswith("${{") and text.endswith("}}") else text
        return bool(self.evaluate(text if _STATUS.search(text) else f"success() && ({text})"))

    def substitute(self, value: Any) -> str:
        def one(match: re.Match) -> str:
            result = self.evaluate(match.group(1))
            return "" if result is None else str(result).lower() if isinstance(result, bool) else str(result)
        return re.sub(r"\$\{\{(.*?)\}\}", one, str(value))


def _gitlab_true(expression: str, variables: dict[str, str]) -> bool:
    python = _translate(expression, _GL_TOKEN, lambda m: f"_var({m['var'].strip('${}')!r})")
    return bool(eval(python, {"__builtins__": {}}, {"_var": lambda name: variables.get(name) or None}))


def _expand(value: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)\}?", lambda m: variables.get(m.group(1), ""), value)


# --- a temporary village repository ---------------------------------------------------------------

def _repository(tmp_path: Path, *, complies: bool) -> Path:
    """A git repository holding one demo village, Kraton: as written (it complies), or with one
    APB Desa amount changed so a total no longer adds up (an error, exit 1, not unreadable)."""
    repo = tmp_path / "repo"
    shutil.copytree(_demo_source("kraton"), repo / "villages" / "kraton")
    if not complies:
        budget = repo / "villages" / "kraton" / "apbdes" / "2026.yaml"
        text = budget.read_text(encoding="utf-8")
        assert "anggaran: 1096384000" in text
        budget.write_text(text.replace("anggaran: 1096384000", "anggaran: 1096484000", 1), encoding="utf-8")
    git = ["git", "-c", "user.name=Petugas", "-c", "user.email=petugas@example.invalid", "-c", "commit.gpgsign=false"]
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "Desa Kraton"]):
        subprocess.run([*git, *command], cwd=repo, check=True, capture_output=True, env=_base_env(tmp_path))
    return repo


def _assert_publishable(folder: Path) -> None:
    """What an upload step is handed: a real folder, no links inside, no hidden files (which
    upload-pages-artifact leaves out), with the portal and the village's site."""
    assert folder.is_dir() and not folder.is_symlink(), folder
    for path in folder.rglob("*"):
        assert not path.is_symlink(), path
        assert not path.name.startswith("."), path
    assert (folder / "index.html").is_file() and (folder / "kraton" / "index.html").is_file()
    assert "Kraton" in (folder / "index.html").read_text(encoding="utf-8")
    for page in folder.rglob("*.html"):  # relative links only: the site works under https://org.github.io/repo/
        assert not re.search(r"""(?:href|src|action)=["']/(?!/)""", page.read_text(encoding="utf-8")), page


# --- GitHub Actions, emulated ---------------------------------------------------------------------

@dataclass
class _Run:
    steps: dict[str, str] = field(default_factory=dict)  # step label -> outcome
    logs: dict[str, str] = field(default_factory=dict)  # step label -> stdout + stderr
    jobs: dict[str, str] = field(default_factory=dict)  # job -> success / failure / skipped
    hosted: list[str] = field(default_factory=list)  # hosted actions that would have run
    uploaded: Path | None = None
    deployed: bool = False


def _hosted(step: dict, given: dict[str, str], repo: Path, result: _Run) -> dict[str, str]:
    """A hosted action: check what it is given, return the outputs it would set."""
    action = step["uses"].split("@")[0]
    result.hosted.append(action)
    if action == "github/codeql-action/upload-sarif":
        sarif = json.loads((repo / given["sarif_file"]).read_text(encoding="utf-8"))
        assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"]
    if action == "actions/configure-pages":
        return {"base_url": PAGES_URL, "base_path": "/desa-desa", "origin": "https://kominfo-lumajang.github.io"}
    if action == "actions/upload-pages-artifact":
        result.uploaded = repo / given["path"]
        _assert_publishable(result.uploaded)
        return {"artifact_id": "1"}
    if action == "actions/deploy-pages":
        assert result.uploaded is not None, "nothing was uploaded to deploy"
        result.deployed = True
        return {"page_url": PAGES_URL + "/"}
    return {}


def _run_github(tmp_path: Path, repo: Path, *, event: str, ref_name: str) -> _Run:
    workflow = copy.deepcopy(GITHUB)
    workflow["env"]["SLIP_AS_OF"] = AS_OF  # as the IT officer would write a date in the env block
    github = {"event_name": event, "ref_name": ref_name, "sha": "0" * 40,
              "event": {"repository": {"default_branch": "main"}}}
    summary = tmp_path / "step-summary.md"
    summary.touch()
    result = _Run()
    needs: dict[str, Any] = {}
    for job_id, job in workflow["jobs"].items():
        needed = [job["needs"]] if isinstance(job.get("needs"), str) else job.get("needs", [])
        context = _GitHubContext({"github": github, "vars": {"SLIP_DESA_SOURCE": "."}, "needs": needs},
                                 failed=any(needs[n]["result"] != "success" for n in needed))
        if not context.condition(job.get("if")):
            result.jobs[job_id] = "skipped"
            needs[job_id] = {"result": "skipped", "outputs": {}}
            continue
        env = {**_base_env(tmp_path), "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(repo), "RUNNER_TEMP": str(tmp_path),
               "GITHUB_EVENT_NAME": event, "GITHUB_REF_NAME": ref_name, "GITHUB_STEP_SUMMARY": str(summary)}
        context.failed = False  # from here on, success() and failure() are about this job's steps
        context.values.update(env=env, steps={})
        for scope in (workflow.get("env", {}), job.get("env", {})):
            for key, value in scope.items():
                env[key] = context.substitute(value)
        for number, step in enumerate(job["steps"]):
            label = f"{job_id}/{step.get('id') or step.get('name') or step['uses']}"
            if not context.condition(step.get("if")):
                context.values["steps"][step.get("id", f"_{number}")] = {"outcome": "skipped", "conclusion": "skipped", "outputs": {}}
                result.steps[label] = "skipped"
                continue
            step_env = {**env, **{key: context.substitute(value) for key, value in step.get("env", {}).items()}}
            if "run" in step:
                output = tmp_path / f"github-output-{job_id}-{number}"
                output.touch()
                script = tmp_path / f"step-{job_id}-{number}.sh"
                script.write_text(step["run"], encoding="utf-8")
                done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=repo,
                                      env={**step_env, "GITHUB_OUTPUT": str(output)}, capture_output=True, text=True, check=False)
                outcome = "success" if done.returncode == 0 else "failure"
                outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
                result.logs[label] = done.stdout + done.stderr
            else:
                given = {key: context.substitute(value) for key, value in step.get("with", {}).items()}
                outcome, outputs = "success", _hosted(step, given, repo, result)
            conclusion = "success" if outcome == "success" or step.get("continue-on-error") else "failure"
            context.failed = context.failed or conclusion == "failure"
            context.values["steps"][step.get("id", f"_{number}")] = {"outcome": outcome, "conclusion": conclusion, "outputs": outputs}
            result.steps[label] = outcome
        result.jobs[job_id] = "failure" if context.failed else "success"
        needs[job_id] = {"result": result.jobs[job_id],
                         "outputs": {key: context.substitute(value) for key, value in job.get("outputs", {}).items()}}
    return result


@pytest.mark.parametrize(("event", "ref_name", "expected"), [
    ("schedule", "main", "true"), ("push", "main", "true"), ("workflow_dispatch", "main", "true"),
    ("push", "perbaikan-kraton", "false"), ("workflow_dispatch", "perbaikan-kraton", "false"),
    ("pull_request", "7/merge", "false"), ("pull_request_target", "main", "false"),
])
def test_github_publishes_only_from_the_default_branch(event: str, ref_name: str, expected: str):
    context = _GitHubContext({"github": {"event_name": event, "ref_name": ref_name, "event": {"repository": {"default_branch": "main"}}}})
    assert context.substitute(GITHUB["jobs"]["periksa"]["env"]["TERBITKAN"]) == expected


CHECK_STEPS = ["periksa/pasang", "periksa/periksa", "periksa/Laporan SARIF", "periksa/Ringkasan di halaman run"]


def _assert_addressed(site: Path, url: str) -> None:
    """The public address reached what needs it in full: sitemap.xml points at the village by it
    (a list of pages or an index of sitemaps; either way, the village's address under the site's)."""
    assert f"<loc>{url}/kraton/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def _assert_slip_calls(tmp_path: Path, *, site_url: str, check_code: str) -> None:
    calls = _calls(tmp_path, "slip")
    assert calls, "slip never ran"
    for code, url, *argv in calls:
        assert argv[-2:] == ["--as-of", AS_OF], argv  # the date reached slip, and no option was refused
        assert code == (check_code if argv[0] == "check" else "0"), (code, argv)
        if argv[0] == "build":
            assert url == site_url, argv
    assert [argv[0] for _, _, *argv in calls].count("build") == 1


def test_github_on_the_default_branch_checks_builds_and_deploys_a_complying_village(tmp_path: Path):
    _tools(tmp_path)
    repo = _repository(tmp_path, complies=True)
    result = _run_github(tmp_path, repo, event="push", ref_name="main")
    assert [result.steps[s] for s in CHECK_STEPS] == ["success"] * 4, result.logs
    assert result.steps["periksa/bangun"] == "success" and result.steps["periksa/siap"] == "success", result.logs
    assert result.steps["periksa/Gagal bila ada desa yang belum patuh"] == "skipped"
    assert result.jobs == {"periksa": "success", "terbitkan": "success"} and result.deployed
    assert result.uploaded == repo / "situs-desa"
    _assert_addressed(result.uploaded, PAGES_URL)
    assert _calls(tmp_path, "pip") == [["install", "."]]  # exactly as the guide says: pip install "$SLIP_DESA_SOURCE"
    assert "Hasil pemeriksaan SLIP Desa" in (tmp_path / "step-summary.md").read_text(encoding="utf-8")
    assert "actions/configure-pages" in result.hosted and "github/codeql-action/upload-sarif" in result.hosted
    _assert_slip_calls(tmp_path, site_url=PAGES_URL, check_code="0")


def test_github_fails_a_non_complying_village_and_still_deploys_its_site(tmp_path: Path):
    _tools(tmp_path)
    repo = _repository(tmp_path, complies=False)
    result = _run_github(tmp_path, repo, event="push", ref_name="main")
    assert result.steps["periksa/periksa"] == "failure"  # continue-on-error: the job goes on
    assert "::error file=villages/kraton/apbdes/2026.yaml,line=38" in result.logs["periksa/periksa"]
    assert result.steps["periksa/bangun"] == "success" and result.steps["periksa/siap"] == "success", result.logs
    assert result.steps["periksa/Gagal bila ada desa yang belum patuh"] == "failure"
    assert result.jobs == {"periksa": "failure", "terbitkan": "success"} and result.deployed
    summary = (tmp_path / "step-summary.md").read_text(encoding="utf-8")
    assert "Kraton" in summary and "apbdes-arithmetic" in summary
    _assert_slip_calls(tmp_path, site_url=PAGES_URL, check_code="1")


def test_github_pull_request_checks_and_builds_but_never_deploys(tmp_path: Path):
    _tools(tmp_path)
    repo = _repository(tmp_path, complies=False)
    result = _run_github(tmp_path, repo, event="pull_request", ref_name="7/merge")
    assert result.steps["periksa/pages"] == "skipped" and result.steps["periksa/bangun"] == "success"
    assert result.steps["periksa/unggah"] == "success" and result.steps["periksa/siap"] == "skipped"
    assert result.jobs == {"periksa": "failure", "terbitkan": "skipped"} and not result.deployed
    _assert_slip_calls(tmp_path, site_url="", check_code="1")  # no Pages address on a pull request


# --- GitLab CI, emulated --------------------------------------------------------------------------

def _gitlab_pipeline(variables: dict[str, str]) -> list[str] | None:
    """The jobs a pipeline with these predefined variables has, in stage order; None: no pipeline."""
    for rule in GITLAB.get("workflow", {}).get("rules", []):
        if "if" not in rule or _gitlab_true(rule["if"], variables):
            if rule.get("when") == "never":
                return None
            break
    else:
        return None
    jobs = []
    for name in _gitlab_job_names():
        rules = _gitlab_job(name).get("rules")
        matched = next((r for r in rules if _gitlab_true(r["if"], variables)), None) if rules else {}
        if matched is not None and matched.get("when") != "never":
            jobs.append(name)
    stages = GITLAB["stages"]
    return sorted(jobs, key=lambda name: stages.index(_gitlab_job(name).get("stage", "test")))


PUSH_MAIN = {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"}
MERGE_REQUEST = {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_DEFAULT_BRANCH": "main", "CI_MERGE_REQUEST_IID": "7",
                 "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "perbaikan-kraton"}


@pytest.mark.parametrize(("variables", "jobs"), [
    (PUSH_MAIN, ["periksa", "pages"]),
    ({**PUSH_MAIN, "CI_PIPELINE_SOURCE": "schedule"}, ["periksa", "pages"]),
    ({**PUSH_MAIN, "CI_PIPELINE_SOURCE": "web"}, ["periksa", "pages"]),
    ({**PUSH_MAIN, "CI_COMMIT_BRANCH": "perbaikan-kraton"}, ["periksa", "bangun"]),
    (MERGE_REQUEST, ["periksa", "bangun"]),
    ({**PUSH_MAIN, "CI_COMMIT_BRANCH": "perbaikan-kraton", "CI_OPEN_MERGE_REQUESTS": "kominfo/desa!7"}, None),  # the MR pipeline runs
    ({"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_TAG": "v1", "CI_DEFAULT_BRANCH": "main"}, None),
], ids=["push-main", "schedule", "web", "push-branch", "merge-request", "branch-with-open-mr", "tag"])
def test_gitlab_publishes_pages_only_from_the_default_branch(variables: dict[str, str], jobs: list[str] | None):
    assert _gitlab_pipeline(variables) == jobs


@dataclass
class _Pipeline:
    jobs: dict[str, str] = field(default_factory=dict)  # job -> success / failure / skipped
    logs: dict[str, str] = field(default_factory=dict)
    folders: dict[str, Path] = field(default_factory=dict)  # job -> its own clone of the repository


def _run_gitlab(tmp_path: Path, repo: Path, predefined: dict[str, str]) -> _Pipeline:
    project = {"SLIP_DESA_SOURCE": ".", "SLIP_AS_OF": AS_OF}  # Settings > CI/CD > Variables: beat the file's
    names = _gitlab_pipeline(predefined)
    assert names, "no pipeline"
    result = _Pipeline()
    for name in names:
        job = _gitlab_job(name)
        needs = job.get("needs")
        earlier = [n for n in result.jobs if GITLAB["stages"].index(_gitlab_job(n)["stage"]) < GITLAB["stages"].index(job["stage"])]
        waits_for = earlier if needs is None else [n if isinstance(n, str) else n["job"] for n in needs]
        if any(result.jobs.get(n) != "success" for n in waits_for):
            result.jobs[name] = "skipped"
            continue
        clone = tmp_path / "jobs" / name  # every job starts from a fresh clone
        shutil.copytree(repo, clone, symlinks=True)
        variables = {**_base_env(tmp_path), "GITLAB_CI": "true", "CI_PROJECT_DIR": str(clone), "CI_JOB_NAME": name,
                     "CI_PAGES_URL": GITLAB_PAGES_URL, **predefined}
        for scope in (GITLAB.get("variables", {}), job.get("variables", {})):
            for key, value in scope.items():
                variables[key] = _expand(str(value), variables)
        variables.update(project)
        script = "set -eo pipefail\n" + "\n".join([*job.get("before_script", []), *job["script"]]) + "\n"
        done = subprocess.run(["bash", "--noprofile", "--norc", "-c", script], cwd=clone, env=variables, capture_output=True, text=True, check=False)
        result.jobs[name] = "success" if done.returncode == 0 else "failure"
        result.logs[name] = done.stdout + done.stderr
        result.folders[name] = clone
        artifacts = job.get("artifacts", {})
        if done.returncode == 0 or artifacts.get("when") == "always":
            for path in [*artifacts.get("paths", []), *artifacts.get("reports", {}).values()]:
                assert (clone / path).exists(), f"{name}: artifact {path} missing"
    return result


def test_gitlab_fails_a_non_complying_village_and_still_publishes_its_pages(tmp_path: Path):
    _tools(tmp_path)
    repo = _repository(tmp_path, complies=False)
    result = _run_gitlab(tmp_path, repo, PUSH_MAIN)
    assert result.jobs == {"periksa": "failure", "pages": "success"}, result.logs
    checked = result.folders["periksa"]
    assert "apbdes-arithmetic" in (checked / "slip-junit.xml").read_text(encoding="utf-8")
    issues = json.loads((checked / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert any(i["location"] == {"path": "villages/kraton/apbdes/2026.yaml", "lines": {"begin": 38}} for i in issues)
    _assert_publishable(result.folders["pages"] / "public")
    _assert_addressed(result.folders["pages"] / "public", GITLAB_PAGES_URL)
    assert _calls(tmp_path, "pip") == [["install", "."]] * 2  # each job installs, as the guide says
    assert len(_calls(tmp_path, "apt-get")) == 4  # update + install git, per job, only ever the stub
    _assert_slip_calls(tmp_path, site_url=GITLAB_PAGES_URL, check_code="1")


def test_gitlab_merge_request_builds_the_site_without_publishing(tmp_path: Path):
    _tools(tmp_path)
    repo = _repository(tmp_path, complies=True)
    result = _run_gitlab(tmp_path, repo, MERGE_REQUEST)
    assert result.jobs == {"periksa": "success", "bangun": "success"}, result.logs
    _assert_publishable(result.folders["bangun"] / "public")
    _assert_slip_calls(tmp_path, site_url=GITLAB_PAGES_URL, check_code="0")
