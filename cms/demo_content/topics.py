"""The six topics: the five basic digital skills, with VNeID first because teams help with it most."""

TOPICS = [
    {
        "key": "vneid",
        "title": ("Định danh điện tử VNeID", "VNeID electronic identity"),
        "slug": ("vneid", "vneid"),
        "intro": (
            "Tài khoản định danh điện tử mức 2 thay cho nhiều giấy tờ và dùng để đăng nhập dịch vụ công.",
            "A level-2 electronic identity account replaces many paper documents and signs you in to public services.",
        ),
    },
    {
        "key": "public-services",
        "title": ("Dịch vụ công trực tuyến", "Online public services"),
        "slug": ("dich-vu-cong-truc-tuyen", "online-public-services"),
        "intro": (
            "Nộp hồ sơ, theo dõi kết quả và nộp lệ phí mà không phải đến trụ sở.",
            "Submit applications, follow their progress and pay fees without going to an office.",
        ),
    },
    {
        "key": "payments",
        "title": ("Thanh toán không dùng tiền mặt", "Cashless payment"),
        "slug": ("thanh-toan-khong-dung-tien-mat", "cashless-payment"),
        "intro": (
            "Chuyển tiền, trả tiền hàng và hóa đơn bằng điện thoại, an toàn và có biên lai.",
            "Transfer money and pay for goods and bills with your phone, safely and with a receipt.",
        ),
    },
    {
        "key": "shopping",
        "title": ("Mua bán trực tuyến", "Online shopping and selling"),
        "slug": ("mua-ban-truc-tuyen", "online-shopping"),
        "intro": (
            "Bán nông sản, sản phẩm địa phương và mua hàng trên các sàn thương mại điện tử.",
            "Sell farm and local products and buy goods on e-commerce platforms.",
        ),
    },
    {
        "key": "safety",
        "title": ("An toàn trên mạng", "Staying safe online"),
        "slug": ("an-toan-tren-mang", "online-safety"),
        "intro": (
            "Nhận biết lừa đảo, giữ mật khẩu và mã OTP, bảo vệ tài khoản của gia đình.",
            "Recognise scams, keep passwords and OTP codes to yourself, and protect your family's accounts.",
        ),
    },
    {
        "key": "local",
        "title": ("Nền tảng số của địa phương", "Local digital platforms"),
        "slug": ("nen-tang-so-dia-phuong", "local-platforms"),
        "intro": (
            "Ứng dụng công dân số của tỉnh: phản ánh, tra cứu và nhận thông báo từ xã, phường.",
            "Your province's citizen app: report problems, look things up and get notices from your commune.",
        ),
    },
]

NEWS = {
    "title": ("Tin tức và thông báo", "News and notices"),
    "slug": ("tin-tuc", "news"),
    "intro": (
        "Chính sách, kế hoạch và kết quả chuyển đổi số ở cơ sở.",
        "Policies, plans and progress of digital transformation in communes and villages.",
    ),
}

NOTICES = [
    {
        "date": "2026-10-15",
        "kind": "policy",
        "title": (
            "Mỗi hộ gia đình có ít nhất một người thành thạo kỹ năng số cơ bản",
            "At least one person in every household fluent in basic digital skills",
        ),
        "slug": ("moi-ho-mot-nguoi-thanh-thao-ky-nang-so", "one-skilled-person-per-household"),
        "summary": (
            "Tổ công nghệ số cộng đồng hướng dẫn năm kỹ năng: dịch vụ công trực tuyến, mua bán trực tuyến, "
            "thanh toán trực tuyến, tự bảo vệ trên mạng và dùng nền tảng số của địa phương.",
            "Community digital technology teams teach five skills: online public services, online shopping, "
            "online payment, protecting yourself online and using local digital platforms.",
        ),
        "paragraphs": [
            (
                "Hãy hỏi tổ công nghệ số ở thôn, tổ dân phố của bạn về lịch hướng dẫn gần nhất.",
                "Ask the digital technology team in your village or residential group when the next session is.",
            ),
            (
                "Các hướng dẫn trên trang này được viết để bạn tự làm theo trên điện thoại, từng bước một.",
                "The guides on this site are written so you can follow them on your phone, one step at a time.",
            ),
        ],
    },
]

STANDARD_PAGES = [
    {
        "title": ("Giới thiệu", "About"),
        "slug": ("gioi-thieu", "about"),
        "paragraphs": [
            (
                "Trang hướng dẫn của tổ công nghệ số cộng đồng giúp người dân tự làm các việc trên môi trường số.",
                "The community digital technology teams' guides help people do everyday things online by themselves.",
            ),
            (
                "Mỗi hướng dẫn được cán bộ chuyên môn kiểm tra lại và ghi ngày rà soát gần nhất.",
                "Each guide is checked by a specialist and shows the date it was last reviewed.",
            ),
        ],
    },
    {
        "title": ("Chính sách quyền riêng tư", "Privacy policy"),
        "slug": ("quyen-rieng-tu", "privacy"),
        "paragraphs": [
            (
                "Trang này không yêu cầu đăng nhập và không lưu thông tin cá nhân của người đọc.",
                "This site does not ask you to sign in and keeps no personal data about readers.",
            ),
            (
                "Khi bạn trả lời “Hướng dẫn này có hữu ích không?”, chúng tôi chỉ lưu câu trả lời và góp ý, không lưu số điện thoại hay địa chỉ mạng của bạn.",
                "When you answer “Was this guide helpful?”, we keep only your answer and comment, not your phone number or network address.",
            ),
        ],
        "extra_blocks": ["my_data"],
    },
]
