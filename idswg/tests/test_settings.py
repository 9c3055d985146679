"""Settings come from the environment, refuse malformed values, and pass check --deploy in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from idswg.settings import envbool, envint, envlist
from idswg.testing import TEST_ENVIRONMENT

ROOT = Path(__file__).resolve().parents[2]


def test_envbool_reads_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert envbool("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "0")
    assert envbool("X_FLAG", True) is False
    monkeypatch.delenv("X_FLAG")
    assert envbool("X_FLAG", True) is True


def test_a_malformed_boolean_or_integer_is_refused(monkeypatch):
    monkeypatch.setenv("X_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured):
        envbool("X_FLAG", False)
    monkeypatch.setenv("X_NUMBER", "12a")
    with pytest.raises(ImproperlyConfigured):
        envint("X_NUMBER", 1)


def test_envlist_splits_on_commas(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "idswg.example.org, www.idswg.example.org ,")
    assert envlist("X_HOSTS", []) == ["idswg.example.org", "www.idswg.example.org"]


def outside_environment():
    """The environment without what the test plugin (idswg/testing.py) sets: as on a server."""
    base = {k: v for k, v in os.environ.items() if k not in TEST_ENVIRONMENT and not k.startswith("DJANGO_")}
    base.pop("DATABASE_URL", None)
    base.pop("REDIS_URL", None)
    return base


def run_manage(*args, **env):
    base = outside_environment()
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_python(code, **env):
    base = outside_environment()
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_serve_without_a_secret_key():
    result = run_python("import idswg.wsgi", DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr


def test_production_flags_a_missing_secret_key_in_check_deploy():
    result = run_manage("check", "--deploy", DEBUG="0", SECRET_KEY="", ALLOWED_HOSTS="idswg.example.org")
    assert "security.W009" in result.stdout + result.stderr


def test_commands_that_need_no_key_run_without_one():
    result = run_manage("makemigrations", "--check", "--dry-run", DEBUG="0", SECRET_KEY="")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_check_deploy_reports_nothing_with_production_values():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="idswg.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def settings_seen(names, **env):
    """The values of the settings ``names`` in a fresh process with ``env``."""
    code = (
        "import django, json; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: str(getattr(settings, n)) for n in {list(names)!r}}}))"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="idswg.settings", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_debug_off_the_https_flags_and_hashed_static_files_are_on_by_default():
    seen = settings_seen(
        ["SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "STATIC_MANIFEST", "STORAGES"],
        DEBUG="0",
        SECRET_KEY="k" * 60,
    )
    assert seen["SECURE_SSL_REDIRECT"] == seen["SESSION_COOKIE_SECURE"] == seen["CSRF_COOKIE_SECURE"] == "True"
    assert seen["STATIC_MANIFEST"] == "True"
    assert "CompressedManifestStaticFilesStorage" in seen["STORAGES"]


def test_with_debug_on_static_files_keep_their_plain_names_and_http_is_allowed():
    seen = settings_seen(["SECURE_SSL_REDIRECT", "STATIC_MANIFEST", "WHITENOISE_USE_FINDERS"], DEBUG="1")
    assert seen == {"SECURE_SSL_REDIRECT": "False", "STATIC_MANIFEST": "False", "WHITENOISE_USE_FINDERS": "True"}


def test_the_tests_run_with_debug_off_and_only_ordinary_variables(settings):
    assert not settings.DEBUG
    assert settings.SECRET_KEY and "insecure-development-key" not in settings.SECRET_KEY
    assert not settings.SECURE_SSL_REDIRECT and not settings.SESSION_COOKIE_SECURE and not settings.CSRF_COOKIE_SECURE
    assert not settings.STATIC_MANIFEST
    assert not hasattr(settings, "TESTING") and not hasattr(settings, "PRODUCTION")
