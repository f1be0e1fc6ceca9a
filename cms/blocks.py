"""The blocks a guide is written in. Each has one job, so the page can lay it out for a phone,
print it, and pick the first steps for the notice-board poster."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ScreenshotBlock(blocks.StructBlock):
    """A screenshot must say what it shows: a guide is read aloud by screen readers too."""

    image = ImageChooserBlock(label=_("screenshot"), required=False)
    alt = blocks.CharBlock(
        label=_("alt text"),
        required=False,
        max_length=250,
        help_text=_("What the screenshot shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("alt") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt": ValidationError(_("A screenshot needs alt text before it can be published."))
                }
            )
        return value


class StepBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("what to do"), features=["bold", "italic", "link"])
    screenshot = ScreenshotBlock(label=_("screenshot"), required=False)

    class Meta:
        icon = "list-ol"


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "cms/blocks/steps.html"


class NoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("text"))

    class Meta:
        icon = "help"


class TipBlock(NoteBlock):
    class Meta:
        label = _("Tip")
        icon = "help"
        template = "cms/blocks/tip.html"


class WarningBlock(NoteBlock):
    class Meta:
        label = _("Warning")
        icon = "warning"
        template = "cms/blocks/warning.html"


class NeedsBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.CharBlock(max_length=160), label=_("items"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("What you need before you start")
        template = "cms/blocks/needs.html"


class VideoBlock(blocks.StructBlock):
    """Shown as a link, not an iframe: a video player would weigh more than the whole guide on 3G."""

    video = EmbedBlock(label=_("video address"))
    title = blocks.CharBlock(label=_("title"), max_length=160)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"


class DownloadsBlock(blocks.StructBlock):
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("files"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Files to download")
        template = "cms/blocks/downloads.html"


class GuideStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["h2", "h3", "bold", "italic", "link", "ul", "ol"]
    )
    needs = NeedsBlock()
    steps = StepsBlock()
    tip = TipBlock()
    warning = WarningBlock()
    video = VideoBlock()
    downloads = DownloadsBlock()


class BodyStreamBlock(blocks.StreamBlock):
    """For notices and standard pages: text, notes and files, no steps."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["h2", "h3", "bold", "italic", "link", "ul", "ol"]
    )
    tip = TipBlock()
    warning = WarningBlock()
    downloads = DownloadsBlock()
    # For the privacy page: the way in to "my data", in the reader's language, whatever the
    # editors write around it (a link typed in rich text would point at one language only).
    my_data = blocks.StaticBlock(
        label=_("Link to 'My data'"),
        admin_text=_("Shows readers how to open the data held about their phone number."),
        template="cms/blocks/my_data.html",
    )


# Rich text as Wagtail stores it is well-formed markup from the editor: removing each tag is
# enough, and many times cheaper than Django's strip_tags (an HTML parser run to a fixed point),
# which mattered because every guide page counts its words for the reading time.
TAG = re.compile(r"<[^>]*>")


def plain_text(stream):
    """The words of a stream without markup, for the search index and the reading time."""
    words = []
    for child in stream:
        words.extend(_texts(child.block, child.value))
    return " ".join(words)


def _texts(block, value):
    if isinstance(block, blocks.RichTextBlock):
        return [TAG.sub(" ", value.source)] if value else []
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return [value] if value else []
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _texts(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [text for name, child in block.child_blocks.items() for text in _texts(child, value.get(name))]
    return []
