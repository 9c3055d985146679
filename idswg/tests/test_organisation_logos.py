"""The secretariat gives an organisation a logo; members see it; bad files are refused and change nothing."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from idswg import logos
from idswg.models import Organisation

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def image_bytes(size=(200, 100), kind="PNG", colour="#bc002d", **save_options):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind, **save_options)
    return out.getvalue()


def noise_png(side):
    """A PNG that does not compress: ``side`` x ``side`` pixels of noise, about 3 bytes a pixel."""
    import os

    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "PNG")
    return out.getvalue()


def edit(client, organisation, upload=None, **extra):
    data = {"name_en": organisation.name, "kind": organisation.kind, **extra}
    if upload is not None:
        data["new_logo"] = upload
    return client.post(reverse("organisation_edit", args=[organisation.pk]), data)


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_the_secretariat_uploads_a_logo_and_it_is_stored_re_encoded_under_a_name_of_its_own(
    client_for, secretariat, _media
):
    organisation = OrganisationFactory(name="UNODC")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned, the picture must be rotated to stand
    exif[0x010E] = "taken at the ministry"  # a description: metadata the stored copy must not keep
    original = image_bytes((3000, 600), "JPEG", exif=exif.tobytes())
    response = edit(client_for(secretariat), organisation, upload("UNODC emblem.jpg", original, "image/jpeg"))
    assert response.status_code == 302
    organisation.refresh_from_db()
    name = organisation.logo.name
    assert name.startswith("logos/") and name.endswith(".jpg") and "UNODC" not in name
    stored = Image.open(_media / name)
    assert stored.format == "JPEG"
    assert stored.size == (160, 800)  # stood upright, then fitted into MAX_STORED with its proportions
    assert "exif" not in stored.info
    assert logos.data_uri(organisation).startswith("data:image/jpeg;base64,/9j/")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.gif", image_bytes(kind="GIF"), "A logo must be a PNG or JPEG image (.png, .jpg or .jpeg)."),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "A logo must be a PNG or JPEG image"),
        ("logo.png", b"<html><script>alert(1)</script></html>", "The file is not a PNG or JPEG image"),
        ("logo.png", image_bytes(kind="GIF"), "The file is not a PNG or JPEG image"),
        ("logo.png", image_bytes()[:60], "The file is not a PNG or JPEG image"),
        ("logo.png", image_bytes((20, 200)), "it needs at least 32 pixels a side to print sharply"),
    ],
    ids=["gif", "svg", "html named png", "gif named png", "truncated png", "too few pixels"],
)
def test_a_file_that_is_not_a_usable_png_or_jpeg_is_refused_with_a_message_and_changes_nothing(
    client_for, secretariat, name, content, message
):
    organisation = OrganisationFactory(name="UNODC", notes="before")
    response = edit(client_for(secretariat), organisation, upload(name, content), notes="after")
    assert response.status_code == 200
    assert message in response.text
    organisation.refresh_from_db()
    assert not organisation.logo
    assert organisation.notes == "before"


def test_a_logo_over_one_megabyte_is_refused_with_its_size(client_for, secretariat, _media):
    organisation = OrganisationFactory(name="UNODC")
    content = noise_png(700)
    assert len(content) > logos.MAX_BYTES
    response = edit(client_for(secretariat), organisation, upload("big.png", content))
    assert response.status_code == 200
    assert "the largest accepted is 1.0\xa0MB" in response.text
    organisation.refresh_from_db()
    assert not organisation.logo
    assert not (_media / "logos").exists()


def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded():
    content = image_bytes((6000, 5000), "PNG")  # one colour: small on disk, 30 million pixels
    assert len(content) < logos.MAX_BYTES
    with pytest.raises(Exception, match="the most accepted is 25 million pixels"):
        logos.check_upload(upload("huge.png", content))


def test_a_hostile_file_name_never_reaches_the_disk(client_for, secretariat, _media):
    organisation = OrganisationFactory(name="UNODC")
    hostile = '../../../etc/<script>alert("x")</script>\u202egnp.png'
    response = edit(client_for(secretariat), organisation, upload(hostile, image_bytes()))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo.name.startswith("logos/")
    assert [path.name for path in _media.rglob("*") if path.is_file()] == [
        organisation.logo.name.removeprefix("logos/")
    ]
    served = client_for(secretariat).get(reverse("organisation_logo", args=[organisation.pk]))
    assert "script" not in served["Content-Disposition"] and ".." not in served["Content-Disposition"]


def test_replacing_and_removing_a_logo_deletes_the_old_file(
    client_for, secretariat, _media, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="UNODC")
    client = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        edit(client, organisation, upload("a.png", image_bytes()))
    organisation.refresh_from_db()
    first = _media / organisation.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        edit(client, organisation, upload("b.png", image_bytes(colour="#0066b3")))
    organisation.refresh_from_db()
    second = _media / organisation.logo.name
    assert second.is_file() and not first.exists()
    assert "Remove the logo" in client.get(reverse("organisation_edit", args=[organisation.pk])).text
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, organisation, remove_logo="on")
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert not organisation.logo and not second.exists()
    assert client.get(reverse("organisation_logo", args=[organisation.pk])).status_code == 404


def test_uploading_and_removing_at_once_is_refused(client_for, secretariat):
    organisation = OrganisationFactory(name="UNODC")
    logos.replace(organisation, image_bytes(), "png")
    before = organisation.logo.name
    response = edit(client_for(secretariat), organisation, upload("b.png", image_bytes()), remove_logo="on")
    assert "Either upload a new logo or remove the logo, not both." in response.text
    organisation.refresh_from_db()
    assert organisation.logo.name == before


@pytest.mark.parametrize("who", ["partner", "cochair", "secretariat"])
def test_every_member_sees_a_logo_as_an_image_and_the_browser_may_keep_it_only_privately(
    who, request, client_for, session_queries, django_assert_num_queries
):
    user = request.getfixturevalue(who)
    organisation = OrganisationFactory(name="UNODC")
    logos.replace(organisation, image_bytes(), "png")
    client = client_for(user)
    url = reverse("organisation_logo", args=[organisation.pk])
    with django_assert_num_queries(session_queries + 2):  # the user with their groups (one query), the organisation
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Cache-Control"] == "private, no-cache"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(response.content)).size == (200, 100)
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and not again.content


def test_an_anonymous_visitor_is_sent_to_log_in_and_a_user_without_a_role_is_refused(client_for, db):
    from .factories import UserFactory

    organisation = OrganisationFactory(name="UNODC")
    logos.replace(organisation, image_bytes(), "png")
    url = reverse("organisation_logo", args=[organisation.pk])
    response = client_for(None).get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client_for(UserFactory(username="nobody")).get(url).status_code == 403


def test_an_organisation_without_a_logo_or_with_its_file_gone_answers_not_found(client_for, partner, _media):
    organisation = OrganisationFactory(name="UNODC")
    url = reverse("organisation_logo", args=[organisation.pk])
    assert client_for(partner).get(url).status_code == 404
    logos.replace(organisation, image_bytes(), "png")
    (_media / organisation.logo.name).unlink()
    assert client_for(partner).get(url).status_code == 404
    assert logos.data_uri(Organisation.objects.get(pk=organisation.pk)) == ""


def test_the_organisation_page_and_its_edit_form_show_the_current_logo(client_for, secretariat):
    organisation = OrganisationFactory(name="UNODC")
    client = client_for(secretariat)
    logo_url = reverse("organisation_logo", args=[organisation.pk])
    assert logo_url not in client.get(organisation.get_absolute_url()).text
    logos.replace(organisation, image_bytes(), "png")
    assert f'<img src="{logo_url}" alt="Logo of UNODC"' in client.get(organisation.get_absolute_url()).text
    form_page = client.get(reverse("organisation_edit", args=[organisation.pk])).text
    assert f'<img src="{logo_url}"' in form_page and 'enctype="multipart/form-data"' in form_page


def test_deleting_an_organisation_deletes_its_logo_file_and_a_refused_delete_keeps_it(
    client_for, secretariat, _media, django_capture_on_commit_callbacks
):
    from .factories import PersonFactory

    kept, gone = OrganisationFactory(name="Embassy of Japan"), OrganisationFactory(name="UNODC")
    PersonFactory(organisation=kept)  # people protect their organisation from deletion
    for organisation in (kept, gone):
        logos.replace(organisation, image_bytes(), "png")
    client = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("organisation_delete", args=[kept.pk]))
        client.post(reverse("organisation_delete", args=[gone.pk]))
    assert (_media / Organisation.objects.get(pk=kept.pk).logo.name).is_file()
    assert not Organisation.objects.filter(pk=gone.pk).exists()
    assert not (_media / gone.logo.name).exists()


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_cut_off_image_is_refused_also_in_a_process_that_has_imported_weasyprint(kind):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process (``make run`` renders
    in-process): a cut-off logo would then decode with its missing part grey and be stored."""
    import weasyprint  # noqa: F401  (what sets it)
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    whole = image_bytes((300, 200), kind=kind)
    logos.check_upload(SimpleUploadedFile(f"logo.{kind.lower()}", whole))
    with pytest.raises(ValidationError, match="not a PNG or JPEG image"):
        logos.check_upload(SimpleUploadedFile(f"logo.{kind.lower()}", whole[: len(whole) * 2 // 3]))
