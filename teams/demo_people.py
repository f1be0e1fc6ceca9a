"""Made-up but ordinary Vietnamese names and phone numbers for the demo's team members.

A name is family + middle + given name, drawn from the most common ones by a seeded generator,
so every load produces the same people and no two demo members share a name.
"""

FAMILY = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Lương",
]  # fmt: skip
MIDDLE = {
    "male": ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thành", "Ngọc", "Anh"],
    "female": ["Thị", "Thu", "Ngọc", "Thanh", "Phương", "Kim", "Hồng", "Minh", "Bích", "Mỹ"],
}
GIVEN = {
    "male": [
        "Hùng", "Nam", "Dũng", "Tuấn", "Hải", "Long", "Sơn", "Thắng", "Cường", "Khánh",
        "Phúc", "Tùng", "Bình", "Toàn", "Quân", "Hiếu", "Trung", "Việt", "Lâm", "Đạt",
    ],
    "female": [
        "Mai", "Hoa", "Lan", "Hương", "Linh", "Trang", "Hằng", "Thảo", "Nhung", "Yến",
        "Hà", "Vân", "Loan", "Ngân", "Huyền", "Thủy", "Dung", "Oanh", "Quyên", "Chi",
    ],
}  # fmt: skip


class NameMaker:
    """Distinct names from a seeded `random.Random`; `taken` holds names already in use."""

    def __init__(self, rng, taken=()):
        self.rng = rng
        self.taken = set(taken)

    def __call__(self, gender):
        while True:
            name = " ".join(
                (self.rng.choice(FAMILY), self.rng.choice(MIDDLE[gender]), self.rng.choice(GIVEN[gender]))
            )
            if name not in self.taken:
                self.taken.add(name)
                return name


def demo_phone(number):
    """The `number`-th demo mobile (+84 90 3xx xxxx): plausible, distinct, and far from the
    README's two sign-in numbers."""
    return f"+8490{3000000 + number:07d}"
