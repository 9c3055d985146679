"""Two staff saving the same row at the same moment: one save wins, the other is told, nothing is lost."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from idswg.roles import SECRETARIAT
from idswg.tests.factories import UserFactory
from seizures import entry
from seizures.models import SeizureValue
from seizures.tests.factories import make_table


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_one_row_leave_one_whole_row():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite runs one writer at a time anyway)")
    country, (heroin, opium) = make_table(range(2012, 2017))
    shown = entry.row_version(SeizureValue.objects.filter(country=country, year=2016))
    typed = {"A": ("200", "201"), "B": ("300", "301")}
    users = {name: UserFactory(role=SECRETARIAT) for name in typed}
    barrier = threading.Barrier(len(typed))
    outcomes, errors = {}, []

    def save(name):
        try:
            data = {f"m-{heroin.pk}": typed[name][0], f"m-{opium.pk}": typed[name][1], "row_version": shown}
            check = entry.check_row(country, [heroin, opium], data, year=2016)
            assert check.ok
            barrier.wait()
            try:
                entry.save_row(country, check, users[name])
                outcomes[name] = "saved"
            except entry.RowChanged:
                outcomes[name] = "refused"
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(name,)) for name in typed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(outcomes.values()) == ["refused", "saved"]
    (winner,) = [name for name, outcome in outcomes.items() if outcome == "saved"]
    row = {v.measure_id: v.value for v in SeizureValue.objects.filter(country=country, year=2016)}
    assert row == {heroin.pk: Decimal(typed[winner][0]), opium.pk: Decimal(typed[winner][1])}
