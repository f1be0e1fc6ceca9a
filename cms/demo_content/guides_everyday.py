"""Guides on payments, selling online, staying safe and the province's citizen app."""

REVIEWER_BANK = (
    "Tổ công nghệ số cộng đồng, cán bộ ngân hàng hỗ trợ",
    "Community digital technology team, with a bank officer",
)
REVIEWER_POST = ("Bưu điện văn hóa xã", "Commune post office")
REVIEWER_SERVICES = ("Bộ phận một cửa, Ủy ban nhân dân xã", "One-stop desk, commune People's Committee")
REVIEWER_SAFETY = ("Sở Khoa học và Công nghệ", "Provincial Department of Science and Technology")

GUIDES = [
    {
        "topic": "payments",
        "reviewed_by": REVIEWER_BANK,
        "last_reviewed": "2026-10-28",
        "title": ("Thanh toán bằng mã VietQR", "Pay with a VietQR code"),
        "slug": ("thanh-toan-bang-ma-vietqr", "pay-with-vietqr"),
        "summary": (
            "Quét mã VietQR ở quầy hàng bằng ứng dụng ngân hàng để trả tiền nhanh, đúng người nhận, không cần tiền lẻ.",
            "Scan the VietQR code at a stall with your banking app to pay quickly, to the right person, without needing change.",
        ),
        "needs": [
            ("Ứng dụng ngân hàng đã đăng ký trên điện thoại", "A banking app set up on your phone"),
            ("Đủ tiền trong tài khoản", "Enough money in your account"),
        ],
        "steps": [
            ("Mở ứng dụng ngân hàng và chọn “Quét QR”.", "Open your banking app and choose “Scan QR”."),
            (
                "Đưa camera vào mã VietQR của người bán cho đến khi điện thoại rung.",
                "Point the camera at the seller's VietQR code until the phone vibrates.",
            ),
            (
                "Kiểm tra tên người nhận hiện trên màn hình có đúng với tên cửa hàng không.",
                "Check that the receiver's name on the screen matches the shop.",
            ),
            (
                "Nhập số tiền nếu chưa có sẵn, rồi xác nhận bằng vân tay, khuôn mặt hoặc mã OTP.",
                "Enter the amount if it is not filled in, then confirm with your fingerprint, face or OTP code.",
            ),
            (
                "Cho người bán xem màn hình “Giao dịch thành công” trước khi rời quầy.",
                "Show the seller the “Transaction successful” screen before you leave.",
            ),
        ],
        "shot": {
            "screen": {"app": "Ngân hàng", "button": "Quét QR"},
            "alt": (
                "Màn hình chính của một ứng dụng ngân hàng, nút Quét QR ở giữa phía dưới",
                "A banking app's home screen with the Scan QR button at the bottom centre",
            ),
            "caption": (
                "Nút Quét QR thường nằm ở giữa thanh dưới",
                "The Scan QR button is usually in the middle of the bottom bar",
            ),
        },
        "tip": (
            "Với giao dịch từ 10 triệu đồng trở lên, ngân hàng sẽ yêu cầu xác thực khuôn mặt: hãy chuẩn bị thẻ căn cước khi cài đặt lần đầu.",
            "For payments of 10 million dong or more the bank asks for face verification: have your identity card ready the first time you set it up.",
        ),
        "warning": (
            "Kẻ gian có thể dán mã QR giả đè lên mã của cửa hàng. Luôn kiểm tra tên người nhận trước khi xác nhận.",
            "Fraudsters may stick a fake QR code over the shop's one. Always check the receiver's name before you confirm.",
        ),
    },
    {
        "topic": "shopping",
        "reviewed_by": REVIEWER_POST,
        "last_reviewed": "2026-08-30",
        "title": ("Mở gian hàng trên sàn Postmart", "Open a shop on Postmart"),
        "slug": ("mo-gian-hang-tren-postmart", "open-a-shop-on-postmart"),
        "summary": (
            "Đưa nông sản và sản phẩm của gia đình lên sàn Postmart của Bưu điện Việt Nam; bưu điện nhận hàng và giao đi cả nước.",
            "Put your family's farm produce and goods on Postmart, Vietnam Post's marketplace; the post office collects and delivers nationwide.",
        ),
        "needs": [
            (
                "Số điện thoại và thẻ căn cước của chủ gian hàng",
                "The shop owner's phone number and identity card",
            ),
            (
                "Ảnh sản phẩm rõ nét, giá bán và cân nặng khi đóng gói",
                "Clear product photos, prices and packed weights",
            ),
            ("Tài khoản ngân hàng để nhận tiền bán hàng", "A bank account to receive your sales"),
        ],
        "steps": [
            (
                "Vào postmart.vn hoặc cài ứng dụng Postmart, chọn “Đăng ký bán hàng”.",
                "Go to postmart.vn or install the Postmart app, and choose “Register to sell”.",
            ),
            (
                "Nhập tên gian hàng, địa chỉ lấy hàng và thông tin chủ gian hàng, rồi gửi đăng ký.",
                "Enter the shop's name, pick-up address and owner details, then send the registration.",
            ),
            (
                "Thêm sản phẩm: ảnh, tên, giá, cân nặng và mô tả ngắn về nguồn gốc.",
                "Add products: photos, name, price, weight and a short description of where they come from.",
            ),
            (
                "Khi có đơn, đóng gói và chờ bưu tá đến lấy hoặc mang ra bưu điện xã.",
                "When an order comes in, pack it and wait for the postman or take it to the commune post office.",
            ),
        ],
        "tip": (
            "Nhân viên bưu điện văn hóa xã có thể giúp bạn chụp ảnh sản phẩm và duyệt gian hàng nhanh hơn.",
            "Staff at the commune post office can help you photograph products and get your shop approved faster.",
        ),
        "warning": (
            "Không chuyển tiền “phí kích hoạt gian hàng” cho người lạ tự xưng là nhân viên sàn.",
            "Never pay a “shop activation fee” to strangers who say they work for the marketplace.",
        ),
    },
    {
        "topic": "safety",
        "reviewed_by": REVIEWER_SAFETY,
        "last_reviewed": "2026-11-05",
        "title": ("Nhận biết cuộc gọi lừa đảo", "Spot a scam phone call"),
        "slug": ("nhan-biet-cuoc-goi-lua-dao", "spot-a-scam-call"),
        "summary": (
            "Kẻ lừa đảo thường giả làm công an, nhân viên ngân hàng hay người thân gặp nạn. Dấu hiệu nhận biết và việc cần làm ngay.",
            "Scammers often pretend to be the police, a bank officer or a relative in trouble. The signs to look for and what to do at once.",
        ),
        "steps": [
            (
                "Cảnh giác khi người gọi đe dọa, giục gấp, hoặc bảo bạn giữ bí mật với gia đình.",
                "Be wary when a caller threatens you, hurries you, or tells you to keep it secret from your family.",
            ),
            (
                "Không đọc mã OTP, không chuyển tiền vào “tài khoản tạm giữ”, không cài ứng dụng theo đường liên kết người lạ gửi.",
                "Never read out an OTP code, never transfer money to a “holding account”, never install an app from a link a stranger sends.",
            ),
            (
                "Cúp máy, rồi tự gọi lại số chính thức của cơ quan hoặc gọi cho người thân để kiểm tra.",
                "Hang up, then call the organisation's official number yourself, or call your relative to check.",
            ),
            (
                "Báo số điện thoại lừa đảo cho tổng đài 156 và cho công an xã, phường.",
                "Report the scam number to the 156 hotline and to the commune police.",
            ),
        ],
        "tip": (
            "Công an, tòa án và viện kiểm sát không làm việc hay yêu cầu chuyển tiền qua điện thoại.",
            "The police, courts and prosecutors never deal with cases or ask for money over the phone.",
        ),
        "warning": (
            "Nếu đã lỡ chuyển tiền, gọi ngay tổng đài ngân hàng để yêu cầu phong tỏa giao dịch, rồi báo công an.",
            "If you have already sent money, call your bank's hotline at once to ask it to block the payment, then tell the police.",
        ),
    },
    {
        "topic": "safety",
        "reviewed_by": REVIEWER_SAFETY,
        "last_reviewed": "2026-10-10",
        "title": ("Bảo vệ tài khoản Zalo", "Protect your Zalo account"),
        "slug": ("bao-ve-tai-khoan-zalo", "protect-your-zalo-account"),
        "summary": (
            "Bật xác thực hai lớp, đặt mã khóa và kiểm tra thiết bị đăng nhập để kẻ gian không chiếm được tài khoản Zalo của bạn.",
            "Turn on two-step verification, set a lock code and check signed-in devices so nobody can take over your Zalo account.",
        ),
        "needs": [("Điện thoại đang đăng nhập Zalo", "The phone you use Zalo on")],
        "steps": [
            (
                "Mở Zalo, chọn “Cá nhân”, rồi biểu tượng cài đặt.",
                "Open Zalo, choose “Personal”, then the settings icon.",
            ),
            (
                "Chọn “Tài khoản và bảo mật”, bật “Xác thực 2 lớp” và làm theo hướng dẫn.",
                "Choose “Account and security”, turn on “Two-step verification” and follow the instructions.",
            ),
            (
                "Đặt “Mã khóa Zalo” để người khác cầm điện thoại của bạn cũng không mở được Zalo.",
                "Set a “Zalo lock code” so nobody else can open Zalo even if they hold your phone.",
            ),
            (
                "Mở “Thiết bị đăng nhập” và đăng xuất mọi máy bạn không nhận ra.",
                "Open “Signed-in devices” and sign out of every device you do not recognise.",
            ),
        ],
        "shot": {
            "screen": {"app": "Zalo", "button": "Xác thực 2 lớp"},
            "alt": (
                "Màn hình Tài khoản và bảo mật của Zalo với công tắc Xác thực 2 lớp",
                "Zalo's Account and security screen with the Two-step verification switch",
            ),
            "caption": ("Bật công tắc xác thực 2 lớp", "Turn on the two-step verification switch"),
        },
        "tip": (
            "Khi bạn bè nhắn vay tiền qua Zalo, hãy gọi điện hoặc gọi video để chắc chắn đúng là họ.",
            "When a friend asks to borrow money on Zalo, phone or video-call them to make sure it is really them.",
        ),
        "warning": (
            "Không bao giờ gửi mã xác thực Zalo gồm 4 hoặc 6 số cho bất kỳ ai, kể cả người quen.",
            "Never send your Zalo verification code of 4 or 6 digits to anyone, even someone you know.",
        ),
    },
    {
        "topic": "local",
        "reviewed_by": REVIEWER_SERVICES,
        "last_reviewed": "2026-09-25",
        "title": (
            "Gửi phản ánh qua ứng dụng công dân số của tỉnh",
            "Report a problem with your province's citizen app",
        ),
        "slug": ("gui-phan-anh-ung-dung-cong-dan-so", "report-with-citizen-app"),
        "summary": (
            "Đèn đường hỏng, rác thải, đường sạt lở: chụp ảnh và gửi thẳng cho xã, phường qua ứng dụng công dân số, rồi theo dõi việc xử lý.",
            "A broken street light, rubbish, a landslide on the road: take a photo, send it straight to the commune with the citizen app, and follow what is done.",
        ),
        "needs": [
            (
                "Tên ứng dụng công dân số của tỉnh (hỏi tổ công nghệ số ở thôn, tổ dân phố)",
                "The name of your province's citizen app (ask your village's digital technology team)",
            ),
            ("Tài khoản VNeID mức 2 để đăng nhập", "A level-2 VNeID account to sign in"),
        ],
        "steps": [
            (
                "Cài ứng dụng công dân số của tỉnh từ CH Play hoặc App Store và đăng nhập bằng VNeID.",
                "Install your province's citizen app from Google Play or the App Store and sign in with VNeID.",
            ),
            ("Chọn “Phản ánh hiện trường”.", "Choose “Report a problem”."),
            (
                "Chụp ảnh nơi xảy ra sự việc, viết ngắn gọn chuyện gì xảy ra và cho phép lấy vị trí.",
                "Take a photo of the place, write briefly what happened and allow the app to use your location.",
            ),
            (
                "Bấm “Gửi”. Bạn sẽ nhận thông báo khi xã, phường tiếp nhận và khi có kết quả xử lý.",
                "Tap “Send”. You will be notified when the commune takes it on and when it has been dealt with.",
            ),
        ],
        "tip": (
            "Chọn chế độ ẩn danh nếu không muốn tên bạn hiện với phản ánh; cán bộ vẫn xử lý như bình thường.",
            "Choose to stay anonymous if you do not want your name shown with the report; officers handle it just the same.",
        ),
        "warning": (
            "Việc khẩn cấp như cháy, tai nạn, đuối nước: gọi ngay 114 hoặc 115, không chờ phản ánh qua ứng dụng.",
            "For emergencies such as fire, accidents or drowning, call 114 or 115 at once instead of reporting in the app.",
        ),
    },
]
