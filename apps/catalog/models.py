"""The platform catalog as tables: thin models, loaded from ``catalog/platforms/*.yaml``.

A ``Platform`` has legal entities, representatives, contact channels, plans, source documents
(some watched for changes by ``apps.watch``) and provisions: one claim about one topic, with its
evidence. Every child row has a natural key within its platform so ``load_catalog`` updates rows
in place instead of replacing them (a watched document keeps its id and its snapshots).
"""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from . import vocabulary as v


def _choices(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return list(mapping.items())


GRADE_CHOICES = _choices(v.GRADES)
FACT_GRADE_CHOICES = [c for c in GRADE_CHOICES if c[0] != "NOT_FOUND"]
PARTIAL_DATE_HELP = "YYYY-MM-DD, or YYYY-MM when only the month is known."


class Platform(models.Model):
    slug = models.SlugField(max_length=60, unique=True, help_text="Also the file name.")
    name = models.CharField(max_length=120)
    products = models.CharField(max_length=300, blank=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other names people type: products, spellings."
    )
    website = models.URLField(max_length=500, blank=True)
    summary = models.TextField(help_text="One or two plain sentences.")
    evidence = models.CharField(
        max_length=10,
        choices=_choices(v.OVERALL_EVIDENCE),
        help_text="How well the platform's own documents back this entry overall.",
    )
    as_of = models.CharField(
        "facts as of",
        max_length=10,
        help_text="When the sources were read (the reference's stored copies). "
        + PARTIAL_DATE_HELP,
    )
    legal_entities_note = models.TextField(blank=True)
    channels_not_documented = models.TextField(
        blank=True, help_text="Why no documented contact is listed (never guess an address)."
    )
    lead_authority_name = models.CharField(max_length=200, blank=True)
    lead_authority_country = models.CharField(max_length=2, blank=True)
    lead_authority_url = models.URLField(max_length=500, blank=True)
    lead_authority_grade = models.CharField(max_length=10, choices=FACT_GRADE_CHOICES, blank=True)
    lead_authority_source_url = models.URLField(max_length=500, blank=True)
    lead_authority_note = models.TextField(blank=True)
    source_file = models.CharField(max_length=200, blank=True, help_text="The catalog file.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [Lower("name")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:detail", kwargs={"slug": self.slug})


class PlatformChild(models.Model):
    """Shared columns: the platform, and the row's order within its list in the file."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["platform", "position"]


class Category(PlatformChild):
    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="categories")
    category = models.CharField(max_length=20, choices=_choices(v.CATEGORIES))

    class Meta(PlatformChild.Meta):
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(fields=["platform", "category"], name="catalog_category_once")
        ]

    def __str__(self) -> str:
        return self.get_category_display()


class Document(PlatformChild):
    """A source the catalog cites; primary ones with a URL are watched for changes."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="documents")
    key = models.SlugField(max_length=60)
    kind = models.CharField(max_length=30, choices=_choices(v.DOCUMENT_KINDS))
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)
    grade = models.CharField(max_length=10, choices=FACT_GRADE_CHOICES[:3])
    date = models.CharField(
        max_length=10, blank=True, help_text="The document's own date. " + PARTIAL_DATE_HELP
    )
    date_label = models.CharField(max_length=40, blank=True, help_text="Last updated, Effective…")
    captured = models.CharField(
        max_length=10, help_text="When the copy the facts come from was read. " + PARTIAL_DATE_HELP
    )
    sha256 = models.CharField("SHA-256 of the captured copy", max_length=64, blank=True)
    via = models.CharField(
        max_length=300, blank=True, help_text="How it was read, if not directly."
    )
    css_selector = models.CharField(max_length=200, blank=True)
    watch = models.BooleanField(default=False, help_text="Watched for changes by the policy watch.")
    note = models.TextField(blank=True)

    class Meta(PlatformChild.Meta):
        constraints = [
            models.UniqueConstraint(fields=["platform", "key"], name="catalog_document_key_once")
        ]

    def __str__(self) -> str:
        return self.title


class EvidenceMixin(models.Model):
    grade = models.CharField(max_length=10, choices=FACT_GRADE_CHOICES)
    source = models.ForeignKey(
        Document, on_delete=models.RESTRICT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        abstract = True


class LegalEntity(PlatformChild, EvidenceMixin):
    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="legal_entities")
    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2, blank=True)
    address = models.CharField(max_length=300, blank=True)
    applies_to = models.JSONField(
        default=list, help_text="Country codes or EU, EEA, NORTH_AMERICA, REST_OF_WORLD, ALL."
    )

    class Meta(PlatformChild.Meta):
        verbose_name_plural = "legal entities"
        constraints = [
            models.UniqueConstraint(fields=["platform", "name"], name="catalog_entity_once")
        ]

    def __str__(self) -> str:
        return self.name


class Representative(PlatformChild, EvidenceMixin):
    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="representatives")
    role = models.CharField(max_length=30, choices=_choices(v.REPRESENTATIVE_ROLES))
    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    url = models.URLField(max_length=500, blank=True)

    class Meta(PlatformChild.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "role", "name"], name="catalog_representative_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"


class Channel(PlatformChild, EvidenceMixin):
    """A way to reach the platform about your data: email, form, in-app setting, post."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(max_length=20, choices=_choices(v.CHANNEL_KINDS))
    value = models.CharField(max_length=500, help_text="The address, URL or setting path.")
    url = models.URLField(max_length=500, blank=True, help_text="A help page for this route.")
    purpose = models.CharField(max_length=300, blank=True)
    rights = models.JSONField(default=list, blank=True, help_text="Requests it suits; empty: any.")

    class Meta(PlatformChild.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "kind", "value"], name="catalog_channel_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"

    @property
    def is_documented(self) -> bool:
        """Found in the platform's own or a secondary source, not only on ConductAtlas."""
        return self.grade in ("P", "S")

    @property
    def is_email(self) -> bool:
        return self.kind in v.EMAIL_CHANNELS


class Plan(PlatformChild, EvidenceMixin):
    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="plans")
    name = models.CharField(max_length=100)
    price = models.CharField(max_length=200, blank=True, help_text="As the source gives it.")
    price_grade = models.CharField(max_length=10, choices=FACT_GRADE_CHOICES, blank=True)
    private_generation = models.CharField(max_length=20, choices=_choices(v.PLAN_ANSWERS))
    excluded_from_training = models.CharField(max_length=20, choices=_choices(v.PLAN_ANSWERS))

    class Meta(PlatformChild.Meta):
        constraints = [
            models.UniqueConstraint(fields=["platform", "name"], name="catalog_plan_once")
        ]

    def __str__(self) -> str:
        return self.name


class Switch(PlatformChild, EvidenceMixin):
    """A setting the person can flip to stop (part of) a practice, e.g. training on their data.

    It stops what happens from now on; the letter remains the route for data already used."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="switches")
    name = models.CharField(max_length=200, help_text="The setting's exact label.")
    where = models.CharField(max_length=300, help_text="Where it is: Settings → …")
    url = models.URLField(max_length=500, blank=True, help_text="A link straight to it.")
    set_to = models.CharField(
        max_length=3, choices=_choices(v.SWITCH_POSITIONS), help_text="The position that helps you."
    )
    default = models.CharField(
        max_length=7, choices=_choices(v.SWITCH_DEFAULTS), help_text="The position it ships in."
    )
    stops = models.CharField(max_length=400, help_text="What setting it stops, in plain words.")
    does_not_undo = models.CharField(max_length=300, blank=True)
    applies_to = models.CharField(max_length=300, blank=True, help_text="Plans, regions, users.")
    topics = models.JSONField(default=list, help_text="The topics it answers.")
    quote = models.TextField(blank=True, help_text="The source's words about the setting.")

    class Meta(PlatformChild.Meta):
        constraints = [
            models.UniqueConstraint(fields=["platform", "name"], name="catalog_switch_once")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def needs_action(self) -> bool:
        """It ships in the position that does not help you (or nobody says how it ships)."""
        return self.default != self.set_to


class Provision(PlatformChild):
    """One claim about one topic, with the policy's words, a plain reading and its evidence."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="provisions")
    topic = models.CharField(max_length=30, choices=v.topic_choices())
    rank = models.PositiveSmallIntegerField(
        default=0, help_text="Order within the topic; 0 is the headline used in lists."
    )
    value = models.CharField(max_length=20, choices=_choices(v.VALUES))
    verdict = models.CharField(max_length=10, choices=_choices(v.VERDICTS))
    quote = models.TextField(blank=True, help_text="Verbatim, when the source was read.")
    reading = models.CharField(max_length=400, help_text="What it means, in plain language.")
    note = models.TextField(blank=True)
    source = models.ForeignKey(
        Document, on_delete=models.RESTRICT, null=True, blank=True, related_name="provisions"
    )
    confidence = models.CharField(max_length=10, choices=_choices(v.CONFIDENCE))
    grade = models.CharField(max_length=10, choices=GRADE_CHOICES)

    class Meta(PlatformChild.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "topic", "rank"], name="catalog_provision_rank_once"
            )
        ]
        indexes = [models.Index(fields=["topic", "rank", "value"])]

    def __str__(self) -> str:
        return f"{self.platform_id}: {self.topic} = {self.value}"

    @property
    def topic_info(self) -> v.Topic:
        return v.TOPIC_BY_KEY[self.topic]

    @property
    def is_weak(self) -> bool:
        """Secondary, ConductAtlas or unverified: shown with a warning to check it."""
        return self.grade in v.WEAK_GRADES
