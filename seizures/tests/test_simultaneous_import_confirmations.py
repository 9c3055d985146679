"""Two different imports confirmed at the same moment into one table: they run one after the other.

Each confirmation locks the table before planning again, so the second plans against
the first one's result: it is told the file is out of date (what it would change now)
and, confirmed again, leaves the table as if the two files had been imported in turn.
Nothing answers 500, nothing is half written, and a repeated confirmation changes nothing.
"""

import threading
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections

from idswg.roles import SECRETARIAT
from idswg.tests.factories import UserFactory
from seizures import import_plan
from seizures.models import ImportBatch, SeizureValue
from seizures.tests.factories import make_table


def _batch(country, user, header, line):
    upload = SimpleUploadedFile("t.csv", f"Year,{header}\n{line}\n".encode())
    return import_plan.start_import(upload, user, country=country)


def _confirm_at_once(batches):
    """Confirm every batch from its own thread and connection at the same instant; the outcome of each."""
    shown = {name: import_plan.plan(batch).version for name, batch in batches.items()}
    barrier = threading.Barrier(len(batches))
    outcomes, errors = {}, []

    def confirm(name):
        try:
            barrier.wait()
            try:
                import_plan.apply(batches[name].pk, {"plan_version": shown[name]}, batches[name].uploaded_by)
                outcomes[name] = "imported"
            except import_plan.NotApplied as refusal:
                outcomes[name] = "stale" if refusal.stale else "refused"
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(name,)) for name in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    return outcomes


def _table(country):
    return {(v.measure_id, v.year): v.value for v in SeizureValue.objects.filter(country=country)}


def _after_one_then_the_other(country, first, second, user):
    """What importing ``first`` then ``second`` (fresh previews) leaves, computed on the same table."""
    for batch in (first, second):
        again = ImportBatch.objects.create(
            filename="again.csv", layout=batch.layout, country=country, rows=batch.rows, uploaded_by=user
        )
        import_plan.apply(again.pk, {"plan_version": import_plan.plan(again).version}, user)
    return _table(country)


def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite runs one writer at a time anyway)")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_imports_adding_the_same_value_at_once_run_one_after_the_other(round_):
    _needs_postgresql()
    country, (heroin, opium) = make_table(range(2012, 2017))
    users = [UserFactory(role=SECRETARIAT) for _ in range(2)]
    header = f"{heroin.label},{opium.label}"
    batches = {
        "A": _batch(country, users[0], header, "2017,50,51"),
        "B": _batch(country, users[1], header, "2017,60,61"),
    }
    outcomes = _confirm_at_once(batches)
    assert sorted(outcomes.values()) == ["imported", "stale"]
    (first,) = [name for name, outcome in outcomes.items() if outcome == "imported"]
    (second,) = [name for name in batches if name != first]
    assert _table(country)[(heroin.pk, 2017)] == {"A": Decimal(50), "B": Decimal(60)}[first]
    # The second is told what it changes now (the first one's values), and confirmed again it applies.
    now = import_plan.plan(batches[second])
    assert not now.additions and {item["before"] for item in now.changes} == {
        {"A": Decimal(50), "B": Decimal(60)}[first],
        {"A": Decimal(51), "B": Decimal(61)}[first],
    }
    import_plan.apply(batches[second].pk, {"plan_version": now.version}, users[1])
    final = _table(country)
    SeizureValue.objects.filter(country=country, year=2017).delete()
    assert final == _after_one_then_the_other(country, batches[first], batches[second], users[0])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_imports_changing_the_same_values_at_once_never_mix_their_files(round_):
    _needs_postgresql()
    country, (heroin, opium) = make_table(range(2012, 2017))
    users = [UserFactory(role=SECRETARIAT) for _ in range(2)]
    header = f"{heroin.label},{opium.label}"
    batches = {
        "A": _batch(country, users[0], header, "2016,200,201"),
        "B": _batch(country, users[1], header, "2016,300,301"),
    }
    outcomes = _confirm_at_once(batches)
    assert sorted(outcomes.values()) == ["imported", "stale"]
    (first,) = [name for name, outcome in outcomes.items() if outcome == "imported"]
    (second,) = [name for name in batches if name != first]
    typed = {"A": (Decimal(200), Decimal(201)), "B": (Decimal(300), Decimal(301))}
    table = _table(country)
    assert (table[(heroin.pk, 2016)], table[(opium.pk, 2016)]) == typed[first]  # one whole file, not a mix
    now = import_plan.plan(batches[second])
    import_plan.apply(batches[second].pk, {"plan_version": now.version}, users[1])
    table = _table(country)
    assert (table[(heroin.pk, 2016)], table[(opium.pk, 2016)]) == typed[second]


@pytest.mark.django_db(transaction=True)
def test_the_same_import_confirmed_twice_at_once_is_imported_once():
    _needs_postgresql()
    country, (heroin, opium) = make_table(range(2012, 2017))
    user = UserFactory(role=SECRETARIAT)
    batch = _batch(country, user, f"{heroin.label},{opium.label}", "2017,50,51")
    version = import_plan.plan(batch).version
    barrier = threading.Barrier(2)
    results, errors = [], []

    def confirm():
        try:
            barrier.wait()
            results.append(import_plan.apply(batch.pk, {"plan_version": version}, user))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(result.already for result in results) == [False, True]
    assert SeizureValue.objects.filter(country=country, year=2017).count() == 2
    assert SeizureValue.history.filter(country=country, year=2017).count() == 2


@pytest.mark.django_db
def test_a_confirmation_of_a_preview_the_tables_have_since_outgrown_is_refused_and_writes_nothing():
    country, (heroin, opium) = make_table(range(2012, 2017))
    user = UserFactory(role=SECRETARIAT)
    batch = _batch(country, user, f"{heroin.label},{opium.label}", "2016,200,201")
    shown = import_plan.plan(batch).version
    SeizureValue.objects.filter(country=country, year=2016, measure=heroin).update(value=Decimal(150))
    with pytest.raises(import_plan.NotApplied) as refusal:
        import_plan.apply(batch.pk, {"plan_version": shown}, user)
    assert refusal.value.stale
    assert [item["before"] for item in refusal.value.plan.changes if item["key"].endswith(f"-{heroin.pk}-2016")] == [
        Decimal(150)
    ]
    assert SeizureValue.objects.get(country=country, year=2016, measure=opium).value == Decimal(101)
