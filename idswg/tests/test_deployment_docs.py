"""The README's Deployment commands are the ones CI runs (scripts/smoke-production, called by .ci/run)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SMOKE = ROOT / "scripts" / "smoke-production"


def readme_deployment_commands():
    """The commands of the ``sh`` block in the README's Deployment section, without comments."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Deployment\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.startswith(".venv/bin/")]


def normalised(command):
    """The same command whatever its address, schedule file and shell quoting."""
    command = command.replace('"', "").replace("$BIN/", ".venv/bin/")
    command = re.sub(r"127\.0\.0\.1:\S+", "ADDRESS", command)
    command = re.sub(r"--schedule \S+", "--schedule FILE", command)
    return " ".join(command.split())


def test_the_smoke_script_runs_every_command_of_the_readme_deployment():
    commands = readme_deployment_commands()
    assert len(commands) == 6  # migrate, collectstatic, check --deploy, gunicorn, worker, beat
    script = [normalised(line) for line in SMOKE.read_text().splitlines()]
    for command in commands:
        assert any(line.startswith(normalised(command)) for line in script), f"not in the smoke script: {command}"


def test_ci_runs_the_smoke_script_after_the_tests():
    ci = (ROOT / ".ci" / "run").read_text()
    assert ci.index("make test") < ci.index("scripts/smoke-production")
