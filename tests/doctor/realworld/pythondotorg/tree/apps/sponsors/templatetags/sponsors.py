"""Template tags and filters for rendering sponsor information."""

import math
from collections import OrderedDict

from django import template
from django.utils.safestring import mark_safe

from apps.sponsors.models import Sponsorship, SponsorshipPackage, TieredBenefitConfiguration
from apps.sponsors.models.enums import LogoPlacementChoices, PublisherChoices

register = template.Library()


# Backslash-escape every ASCII punctuation char (Pandoc renders each as a literal) so
# user input can't form a Markdown or raw-TeX construct in any context.
MARKDOWN_SPECIAL_CHARS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@register.filter
def escape_markdown(value):
    """Escape a sponsor-supplied value so Pandoc renders it as literal text."""
    # mark_safe: the output goes to Pandoc (PDF/DOCX), not HTML, so it is not an XSS
    # sink; it only stops Django autoescaping from interfering with the escaping here.
    return mark_safe("".join("\\" + ch if ch in MARKDOWN_SPECIAL_CHARS else ch for ch in str(value)))  # noqa: S308


@register.inclusion_tag("sponsors/partials/full_sponsorship.txt")
def full_sponsorship(sponsorship, display_fee=False):
    """Render a full sponsorship detail block with benefits and fee information."""
    if not display_fee:
        display_fee = not sponsorship.for_modified_package
    return {
        "sponsorship": sponsorship,
        "sponsor": sponsorship.sponsor,
        "benefits": list(sponsorship.benefits.all()),
        "display_fee": display_fee,
    }


@register.inclusion_tag("sponsors/partials/sponsors-list.html")
def list_sponsors(logo_place, publisher=PublisherChoices.FOUNDATION.value):
    """Render a list of sponsors filtered by logo placement and publisher."""
    sponsorships = (
        Sponsorship.objects.enabled()
        .with_logo_placement(logo_place=logo_place, publisher=publisher)
        .order_by("package")
        .select_related("sponsor", "package")
    )
    packages = SponsorshipPackage.objects.all()

    context = {
        "logo_place": logo_place,
        "sponsorships": sponsorships,
    }

    # organizes logo placement for sponsors page
    # logos must be grouped by package and each package muse use
    # specific dimensions to control the logos' grid
    if logo_place == LogoPlacementChoices.SPONSORS_PAGE.value:
        sponsorships_by_package = OrderedDict()
        for pkg in packages:
            sponsorships_by_package[pkg.slug] = {
                "label": pkg.name,
                "logo_dimension": str(pkg.logo_dimension),
                "sponsorships": [sp for sp in sponsorships if sp.package.slug == pkg.slug],
            }

        context.update(
            {
                "packages": SponsorshipPackage.objects.all(),
                "sponsorships_by_package": sponsorships_by_package,
            }
        )

    return context


@register.simple_tag
def benefit_quantity_for_package(benefit, package):
    """Return the configured quantity label for a benefit within a package."""
    quantity_configuration = TieredBenefitConfiguration.objects.filter(benefit=benefit, package=package).first()
    if quantity_configuration is None:
        return ""
    return quantity_configuration.display_label or quantity_configuration.quantity


@register.simple_tag
def benefit_name_for_display(benefit, package):
    """Return the display name for a benefit, customized per package if applicable."""
    return benefit.name_for_display(package=package)


@register.filter
def ideal_size(image, ideal_dimension):
    """Scale an image width to fit within the given ideal dimension area."""
    ideal_dimension = int(ideal_dimension)
    try:
        w, h = image.width, image.height
    except FileNotFoundError:
        # local dev doesn't have all images if DB is a copy from prod environment
        # this is just a fallback to return ideal_dimension instead
        w, h = ideal_dimension, ideal_dimension

    return int(w * math.sqrt((100 * ideal_dimension) / (w * h)))
