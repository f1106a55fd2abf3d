"""The catalog's controlled vocabulary: topics, answers, verdicts, evidence grades and kinds.

One place for every code the YAML files, the schema, the models, the pages and the JSON export
use, so they never drift. Plain Python, importable without a database.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str  # used in YAML, JSON and URLs (/compare/<key>/)
    title: str  # "Training on your prompts and uploads"
    short: str  # for cards and table headings: "Trains on your prompts"
    question: str  # what the answer (yes/no/…) answers
    compare_heading: str  # heading of the comparison page
    core: bool = True  # every platform must say something about a core topic


TOPICS: tuple[Topic, ...] = (
    Topic(
        "training-inputs",
        "Training on your prompts and uploads",
        "Trains on your prompts",
        "Does it use what you type and upload to train its AI?",
        "How platforms handle training on your prompts and uploads",
    ),
    Topic(
        "training-outputs",
        "Training on what it makes for you",
        "Trains on what it makes",
        "Does it use the images and text it generates for you to train its AI?",
        "How platforms handle training on the images and text they make for you",
    ),
    Topic(
        "public-by-default",
        "Public by default",
        "Public by default",
        "Can other people see what you make unless you change a setting?",
        "Which platforms show what you make to everyone by default",
    ),
    Topic(
        "private-generation",
        "Private generation",
        "Private option",
        "Can you keep what you make private?",
        "Which platforms let you keep what you make private",
    ),
    Topic(
        "opt-out",
        "Opting out of training",
        "Opt-out",
        "Is there a documented way to stop it training on your data?",
        "How you can opt out of AI training on each platform",
    ),
    Topic(
        "retention",
        "How long it keeps your data",
        "Retention limit",
        "Does it state a limit on how long it keeps your data?",
        "How long each platform keeps your data",
    ),
    Topic(
        "human-review",
        "Human review",
        "Human review",
        "Can people at the company read your prompts or chats?",
        "Which platforms let people read your prompts or chats",
    ),
    Topic(
        "sharing",
        "Sharing with others",
        "Shares your data",
        "Does it pass your prompts or data to third parties or other AI providers?",
        "Which platforms share your prompts or data with others",
    ),
    Topic(
        "deletion",
        "Deleting your data",
        "Deletion",
        "Is there a documented way to delete your data or account?",
        "How you can delete your data on each platform",
    ),
    Topic(
        "content-licence",
        "Licence over your content",
        "Licence over content",
        "Does it claim a licence to reuse what you put in or make?",
        "Which platforms claim a licence to reuse your content",
        core=False,
    ),
)
TOPIC_BY_KEY: dict[str, Topic] = {t.key: t for t in TOPICS}
CORE_TOPICS: tuple[str, ...] = tuple(t.key for t in TOPICS if t.core)
TRAINING_TOPICS: tuple[str, ...] = ("training-inputs", "training-outputs")

# The answer a provision gives to its topic's question.
VALUES: dict[str, str] = {
    "yes": "Yes",
    "no": "No",
    "partial": "Partly",
    "unknown": "Unclear",
    "not_documented": "Not documented",
    "not_applicable": "Not applicable",
}
# Answers that mean "it does this" when a filter asks "does it?".
AFFIRMATIVE = ("yes", "partial")

# What the answer means for the person: how worried to be.
VERDICTS: dict[str, str] = {
    "high": "High risk",
    "medium": "Some risk",
    "low": "Low risk",
    "good": "Good for you",
    "unknown": "Unknown",
}
# Best first: the order of a comparison table.
VERDICT_ORDER: tuple[str, ...] = ("good", "low", "medium", "high", "unknown")

CONFIDENCE: dict[str, str] = {"high": "High", "medium": "Medium", "low": "Low"}

# Evidence grades, as the reference (platforms.md, "How to read this file") defines them.
GRADES: dict[str, str] = {
    "P": "Primary: the company's own policy, terms or help page (or a verbatim archive of it)",
    "S": "Secondary: a third-party page that quotes or summarises the company",
    "CA": "ConductAtlas summary: not reliable as a quotation",
    "UNVERIFIED": "Stated somewhere but not confirmed in any primary text",
    "NOT_FOUND": "Nothing was found in the sources that could be read",
}
# Strongest first. A provision cannot be graded stronger than the document it cites.
GRADE_RANK: dict[str, int] = {"P": 0, "S": 1, "CA": 2, "UNVERIFIED": 3, "NOT_FOUND": 4}
# Facts with these grades must be shown with a warning and low confidence.
WEAK_GRADES = frozenset({"S", "CA", "UNVERIFIED"})

OVERALL_EVIDENCE: dict[str, str] = {
    "strong": "Strong",
    "medium": "Medium",
    "weak": "Weak",
    "none": "None",
}

CATEGORIES: dict[str, str] = {
    "image": "Images",
    "video": "Video",
    "audio": "Audio",
    "text": "Text and chat",
    "search": "Search",
    "code": "Code",
    "design": "Design",
    "productivity": "Productivity",
    "social": "Social and community",
}

CHANNEL_KINDS: dict[str, str] = {
    "privacy-email": "Privacy email",
    "dpo-email": "Data protection officer email",
    "support-email": "Support email",
    "web-form": "Web form",
    "in-app": "In-app setting",
    "postal": "Postal address",
}
EMAIL_CHANNELS = frozenset({"privacy-email", "dpo-email", "support-email"})

DOCUMENT_KINDS: dict[str, str] = {
    "privacy-policy": "Privacy policy",
    "terms": "Terms of service",
    "help-page": "Help page",
    "faq": "FAQ",
    "dpa": "Data processing addendum",
    "trust-page": "Trust or privacy centre page",
    "model-card": "Model card",
    "pricing": "Pricing page",
    "community-standards": "Community standards",
    "archive-declaration": "Open Terms Archive declaration",
    "secondary": "Third-party page",
    "conductatlas": "ConductAtlas page",
}

# The rights a request exercises (DEVELOPERS.md, "Rights").
RIGHTS: dict[str, str] = {
    "object": "Stop training on my data",
    "delete": "Delete my data",
    "access": "Tell me what you hold",
    "opt-out-sale": "Stop selling or sharing my data",
    "correct": "Correct my data",
    # Issue 15 (apps.deadlines.RIGHTS); the wizard offers them once the letters word them.
    "restrict": "Pause the use of my data",
    "portability": "Give me my data to take elsewhere",
    "automated-decisions": "Do not decide about me by automated means alone",
    "limit-sensitive": "Limit the use of my sensitive information",
    "opt-out-targeted-ads": "Stop targeting ads at me",
    "opt-out-profiling": "Stop profiling me",
}

# Where a legal entity or representative serves: ISO 3166 alpha-2 codes or these groups.
REGION_GROUPS: dict[str, str] = {
    "EU": "the European Union",
    "EEA": "the European Economic Area",
    "NORTH_AMERICA": "North America",
    "REST_OF_WORLD": "everywhere else",
    "ALL": "everywhere",
}

REPRESENTATIVE_ROLES: dict[str, str] = {
    "eu-representative": "EU representative",
    "uk-representative": "UK representative",
    "ch-representative": "Swiss representative",
    "dpo": "Data protection officer",
}

# A settings switch (``switches:`` in a catalog file): the position that protects you, and the
# position it ships in.
SWITCH_POSITIONS: dict[str, str] = {"on": "On", "off": "Off"}
SWITCH_DEFAULTS: dict[str, str] = {**SWITCH_POSITIONS, "unknown": "Not documented"}

PLAN_ANSWERS: dict[str, str] = {
    "yes": "Yes",
    "no": "No",
    "opt_out": "Only if you opt out",
    "unknown": "Unknown",
    "not_applicable": "Not applicable",
}


def topic_choices() -> list[tuple[str, str]]:
    return [(t.key, t.title) for t in TOPICS]
