"""Demo content of the shared package: the organisations, people and demo logins.

Everything is drawn from the seed documents (``shared/seeds``). Each app has a
``demo.py`` with a ``load(out)`` function; ``manage.py load_demo`` calls them in the
order of ``INSTALLED_APPS``. Every loader is idempotent: running it twice changes nothing.
"""

from django.contrib.auth.models import Group
from django.db import transaction

from .demo_lao import ORGANISATIONS_LO, PEOPLE_LO
from .models import Organisation, Person, User
from .roles import COCHAIR, PARTNER, ROLES, SECRETARIAT

DEMO_PASSWORD = "demo-idswg-2024"  # noqa: S105 (the documented demo password)

K = Organisation.Kind
ORGANISATIONS = [
    # (short name, name, kind, country)
    ("LCDC", "Lao National Commission for Drug Control and Supervision", K.GOVERNMENT, "Lao PDR"),
    ("MPS", "Ministry of Public Security", K.GOVERNMENT, "Lao PDR"),
    ("MOH", "Ministry of Health", K.GOVERNMENT, "Lao PDR"),
    ("MPI", "Ministry of Planning and Investment", K.GOVERNMENT, "Lao PDR"),
    ("UNODC", "United Nations Office on Drugs and Crime", K.UN_AGENCY, ""),
    ("Japan", "Embassy of Japan", K.EMBASSY, "Japan"),
    ("Australia", "Embassy of Australia", K.EMBASSY, "Australia"),
    ("AFP", "Australian Federal Police", K.DONOR, "Australia"),
    ("US", "Embassy of the United States of America", K.EMBASSY, "United States"),
    ("EU", "Delegation of the European Union to the Lao PDR", K.EMBASSY, "European Union"),
    ("Luxembourg", "Embassy of Luxembourg", K.EMBASSY, "Luxembourg"),
    ("Canada", "Embassy of Canada", K.EMBASSY, "Canada"),
    ("UK", "British Embassy Vientiane", K.EMBASSY, "United Kingdom"),
    ("France", "Embassy of France", K.EMBASSY, "France"),
    ("Germany", "Embassy of the Federal Republic of Germany", K.EMBASSY, "Germany"),
    ("JICA", "Japan International Cooperation Agency", K.DONOR, "Japan"),
]

PEOPLE = [
    # (honorific, name, position, organisation short name, e-mail)
    (
        "H.E. Pol. Maj. Gen.",
        "Khamking Phouilamanivong",
        "Deputy Minister of the Ministry of Public Security",
        "MPS",
        "",
    ),
    ("H.E. Mr.", "Tsutomu KOIZUMI", "Ambassador of Japan to the Lao PDR", "Japan", ""),
    (
        "H.E. Mr.",
        "Masood Karimipour",
        "UNODC Regional Representative for Southeast Asia and the Pacific",
        "UNODC",
        "",
    ),
    ("Ms.", "Demo Secretariat Officer", "IDSWG Secretariat focal point", "LCDC", "secretariat@example.org"),
    ("Mr.", "Demo Programme Officer", "Programme Officer", "UNODC", "programme.officer@example.org"),
    ("Ms.", "Demo Co-chair Assistant", "Assistant to the Deputy Minister", "MPS", "cochair@example.org"),
    ("Mr.", "Demo Partner Officer", "First Secretary", "Japan", "partner@example.org"),
    ("Ms.", "Demo Australia Officer", "Second Secretary", "Australia", "australia@example.org"),
    ("Mr.", "Demo United States Officer", "Narcotics Affairs Officer", "US", "us@example.org"),
    ("Ms.", "Demo EU Officer", "Programme Manager", "EU", "eu@example.org"),
    ("Mr.", "Demo Luxembourg Officer", "Chargé d'affaires", "Luxembourg", "luxembourg@example.org"),
]

USERS = [
    # (username, first name, last name, e-mail, role, organisation short name)
    ("secretariat", "Demo", "Secretariat", "secretariat@example.org", SECRETARIAT, "LCDC"),
    ("cochair", "Demo", "Co-chair", "cochair@example.org", COCHAIR, "MPS"),
    ("partner", "Demo", "Partner", "partner@example.org", PARTNER, "Japan"),
]


def say(out, created, what):
    """One line of the demo loader's log: what it created, or found already there."""
    out(f"  {'created' if created else 'exists '}  {what}")


def fill_lao(instance, values):
    """Set the Lao fields still empty (``{"name": "..."}`` sets ``name_lo``); True when one changed."""
    changed = False
    for field, value in values.items():
        if value and not getattr(instance, f"{field}_lo"):
            setattr(instance, f"{field}_lo", value)
            changed = True
    if changed:
        instance.save()
    return changed


@transaction.atomic
def load(out, with_users=True):
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    organisations = {}
    for short, name, kind, country in ORGANISATIONS:
        lao_name, lao_short = ORGANISATIONS_LO[short]
        org, created = Organisation.objects.get_or_create(
            short_name=short,
            defaults={"name": name, "name_lo": lao_name, "short_name_lo": lao_short, "kind": kind, "country": country},
        )
        organisations[short] = org
        fill_lao(org, {"name": lao_name, "short_name": lao_short})  # a demo loaded before names were bilingual
        say(out, created, f"organisation {org.label}")
    for honorific, name, position, org_short, email in PEOPLE:
        person, created = Person.objects.get_or_create(
            name=name,
            organisation=organisations[org_short],
            defaults={"honorific": honorific, "position": position, "email": email},
        )
        if name in PEOPLE_LO:
            lao_honorific, lao_name, lao_position = PEOPLE_LO[name]
            fill_lao(person, {"honorific": lao_honorific, "name": lao_name, "position": lao_position})
        say(out, created, f"person {person.full_name}")
    if not with_users:
        out("  skipped  demo users (DEBUG is off; pass --allow-demo-users to create them)")
        return
    for username, first, last, email, role, org_short in USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": email, "organisation": organisations[org_short]},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=role))
        say(out, created, f"user {username} ({role})")
