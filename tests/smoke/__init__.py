"""The production smoke test (scripts/smoke-production): not collected by pytest."""
