"""Logos drawn for the tests (labelled as such: the demo has none, the seeds carry no image),
and the images a rendered PDF draws on each page."""

import io
import subprocess

from django.core.management import call_command
from PIL import Image, ImageDraw, ImageFont

from idswg import logos
from idswg.models import Organisation

from .pdf_checks import pdf_reader


def load_demo_with_media(settings, tmp_path):
    """The demo loaded (DEBUG on, as ``make run``) with uploads in a throwaway ``MEDIA_ROOT``."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())


def give_logos(*short_names):
    """A drawn logo for each demo organisation named by its English short name."""
    for short_name in short_names:
        organisation = Organisation.objects.get(short_name_en=short_name)
        logos.replace(organisation, drawn_logo(short_name), "png")


def drawn_logo(text, size=(480, 160), ink="#12355b"):
    """A PNG of ``size`` with a frame and "TEST LOGO <text>"."""
    image = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle([4, 4, size[0] - 5, size[1] - 5], outline=ink, width=6)
    draw.text((24, size[1] // 2 - 24), f"TEST LOGO {text}", fill=ink, font=ImageFont.load_default(size=40))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def image_sizes(content):
    """For each page of the PDF ``content``, the ``(width, height)`` in pixels of the images it draws.

    Read by poppler's ``pdfimages -list``, which follows each page's drawing operations (a page's
    resources may name images that another page draws).
    """
    listing = subprocess.run(["pdfimages", "-list", "-"], input=content, capture_output=True, check=True)
    sizes = [[] for _page in pdf_reader(content).pages]
    for row in listing.stdout.decode().splitlines()[2:]:
        page, _num, kind, width, height = row.split()[:5]
        if kind == "image":
            sizes[int(page) - 1].append((int(width), int(height)))
    return sizes
