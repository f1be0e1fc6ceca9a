"""Guides on VNeID and online public services."""

REVIEWER_POLICE = ("Công an xã, phường (bộ phận cấp căn cước)", "Commune police (identity card desk)")
REVIEWER_SERVICES = ("Bộ phận một cửa, Ủy ban nhân dân xã", "One-stop desk, commune People's Committee")

GUIDES = [
    {
        "topic": "vneid",
        "reviewed_by": REVIEWER_POLICE,
        "last_reviewed": "2026-10-20",
        "title": (
            "Kích hoạt tài khoản định danh điện tử VNeID mức 2",
            "Activate your level-2 VNeID electronic identity",
        ),
        "slug": ("kich-hoat-vneid-muc-2", "activate-vneid-level-2"),
        "summary": (
            "Sau khi đăng ký tại công an xã, phường, bạn tự kích hoạt tài khoản VNeID mức 2 trên điện thoại trong khoảng 10 phút.",
            "After registering at the commune police, you activate your level-2 VNeID account on your phone in about ten minutes.",
        ),
        "needs": [
            ("Thẻ căn cước (hoặc căn cước công dân gắn chip) của chính bạn", "Your own chip identity card"),
            (
                "Điện thoại thông minh có mạng, dùng số điện thoại chính chủ",
                "A smartphone with internet, using a phone number registered in your name",
            ),
            (
                "Tin nhắn mã kích hoạt gửi đến số điện thoại đã đăng ký tại công an",
                "The text message with the activation code sent to the number you gave the police",
            ),
        ],
        "steps": [
            (
                "Mở CH Play hoặc App Store, tìm “VNeID” và cài ứng dụng của Bộ Công an.",
                "Open Google Play or the App Store, search for “VNeID” and install the app published by the Ministry of Public Security.",
            ),
            (
                "Mở ứng dụng, chọn “Kích hoạt tài khoản định danh điện tử”, rồi chọn “Công dân”.",
                "Open the app, choose “Activate electronic identity account”, then choose “Citizen”.",
            ),
            (
                "Nhập số định danh cá nhân 12 số in trên thẻ căn cước và số điện thoại đã đăng ký, rồi bấm “Gửi yêu cầu”.",
                "Enter the 12-digit personal identification number printed on your card and your registered phone number, then tap “Send request”.",
            ),
            (
                "Nhập mã kích hoạt trong tin nhắn bạn nhận được sau khi đăng ký tại công an.",
                "Enter the activation code from the text message you received after registering with the police.",
            ),
            (
                "Đặt mật khẩu và mã bảo vệ 6 số mà chỉ mình bạn biết, nhập mã OTP để hoàn tất.",
                "Set a password and a 6-digit passcode only you know, then enter the OTP code to finish.",
            ),
        ],
        "shot": {
            "screen": {"app": "VNeID", "button": "Kích hoạt tài khoản"},
            "alt": (
                "Màn hình đầu của ứng dụng VNeID với nút Kích hoạt tài khoản định danh điện tử",
                "The VNeID app's first screen with the button Activate electronic identity account",
            ),
            "caption": ("Nút kích hoạt ở màn hình đầu tiên", "The activation button on the first screen"),
        },
        "tip": (
            "Nếu chưa nhận được tin nhắn mã kích hoạt sau vài ngày, hãy mang thẻ căn cước đến công an xã, phường để được kiểm tra.",
            "If the activation code has not arrived after a few days, take your identity card to the commune police so they can check.",
        ),
        "warning": (
            "Cán bộ công an không bao giờ gọi điện xin mã kích hoạt hay mã OTP. Không đọc các mã này cho bất kỳ ai.",
            "Police officers never phone to ask for your activation or OTP code. Never read these codes out to anyone.",
        ),
    },
    {
        "topic": "vneid",
        "reviewed_by": REVIEWER_POLICE,
        "last_reviewed": "2026-09-12",
        "title": ("Tích hợp thẻ bảo hiểm y tế vào VNeID", "Add your health insurance card to VNeID"),
        "slug": ("tich-hop-the-bhyt-vao-vneid", "add-health-insurance-to-vneid"),
        "summary": (
            "Đưa thẻ bảo hiểm y tế vào ví giấy tờ của VNeID để đi khám bệnh mà không cần mang thẻ giấy.",
            "Put your health insurance card in the VNeID document wallet so you can see a doctor without the paper card.",
        ),
        "needs": [
            ("Tài khoản VNeID mức 2 đã kích hoạt", "An activated level-2 VNeID account"),
            (
                "Mã số bảo hiểm xã hội, in trên thẻ bảo hiểm y tế",
                "Your social insurance number, printed on the health insurance card",
            ),
        ],
        "steps": [
            ("Mở VNeID và đăng nhập bằng mật khẩu của bạn.", "Open VNeID and sign in with your password."),
            (
                "Chọn “Ví giấy tờ”, rồi “Tích hợp thông tin” và “Tạo mới yêu cầu”.",
                "Choose “Document wallet”, then “Integrate information” and “New request”.",
            ),
            (
                "Chọn loại giấy tờ “Bảo hiểm y tế”, nhập mã số bảo hiểm xã hội và đánh dấu xác nhận.",
                "Choose the document type “Health insurance”, enter your social insurance number and tick the confirmation box.",
            ),
            (
                "Bấm “Gửi yêu cầu” và nhập mã bảo vệ. Khi được duyệt, thẻ hiện trong ví giấy tờ.",
                "Tap “Send request” and enter your passcode. Once approved, the card appears in your document wallet.",
            ),
        ],
        "tip": (
            "Khi đi khám, mở ví giấy tờ trong VNeID hoặc đưa thẻ căn cước gắn chip cho nhân viên tiếp đón.",
            "At the clinic, open the document wallet in VNeID or hand your chip identity card to the reception staff.",
        ),
        "warning": (
            "Chỉ tải VNeID từ CH Play hoặc App Store. Ứng dụng gửi qua đường liên kết trong tin nhắn là giả mạo.",
            "Only download VNeID from Google Play or the App Store. An app sent to you as a link in a message is fake.",
        ),
    },
    {
        "topic": "public-services",
        "reviewed_by": REVIEWER_SERVICES,
        "last_reviewed": "2026-10-02",
        "title": (
            "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia",
            "Submit an application on the National Public Service Portal",
        ),
        "slug": ("nop-ho-so-dich-vu-cong-quoc-gia", "submit-on-national-public-service-portal"),
        "summary": (
            "Đăng nhập Cổng Dịch vụ công quốc gia bằng VNeID, điền tờ khai, đính kèm giấy tờ và theo dõi kết quả bằng mã hồ sơ.",
            "Sign in to the National Public Service Portal with VNeID, fill in the form, attach documents and follow the result with your application code.",
        ),
        "needs": [
            ("Tài khoản VNeID mức 2", "A level-2 VNeID account"),
            (
                "Ảnh chụp rõ nét các giấy tờ mà thủ tục yêu cầu",
                "Clear photos of the documents the procedure asks for",
            ),
            (
                "Tài khoản ngân hàng hoặc ví điện tử nếu thủ tục có lệ phí",
                "A bank account or e-wallet if the procedure has a fee",
            ),
        ],
        "steps": [
            (
                "Vào dichvucong.gov.vn, bấm “Đăng nhập” và chọn đăng nhập bằng tài khoản định danh điện tử VNeID.",
                "Go to dichvucong.gov.vn, tap “Sign in” and choose to sign in with your VNeID electronic identity.",
            ),
            (
                "Gõ tên thủ tục vào ô tìm kiếm, ví dụ “đăng ký khai sinh”, rồi chọn đúng thủ tục.",
                "Type the name of the procedure in the search box, for example “birth registration”, and pick the right one.",
            ),
            (
                "Chọn tỉnh và cơ quan giải quyết là xã, phường nơi bạn cư trú, rồi bấm “Nộp trực tuyến”.",
                "Choose your province and, as the handling agency, the commune where you live, then tap “Submit online”.",
            ),
            (
                "Điền tờ khai, đính kèm ảnh giấy tờ, kiểm tra lại và bấm “Nộp hồ sơ”.",
                "Fill in the form, attach the document photos, check everything and tap “Submit application”.",
            ),
            (
                "Ghi lại mã hồ sơ. Vào mục “Quản lý hồ sơ đã nộp” để xem tiến độ và nhận kết quả.",
                "Write down the application code. Open “Submitted applications” to see progress and get the result.",
            ),
        ],
        "shot": {
            "screen": {"app": "Dịch vụ công", "button": "Nộp trực tuyến"},
            "alt": (
                "Trang thủ tục trên Cổng Dịch vụ công quốc gia với nút Nộp trực tuyến",
                "A procedure page on the National Public Service Portal with the Submit online button",
            ),
            "caption": ("Nút nộp trực tuyến ở trang thủ tục", "The Submit online button on a procedure page"),
        },
        "tip": (
            "Chụp giấy tờ ở nơi đủ sáng, đặt trên nền phẳng, để cán bộ đọc được và không phải yêu cầu bổ sung.",
            "Photograph documents in good light on a flat surface, so officers can read them and do not ask you to resubmit.",
        ),
        "warning": (
            "Cổng Dịch vụ công không bao giờ yêu cầu bạn chuyển tiền vào tài khoản cá nhân. Lệ phí chỉ nộp trong mục thanh toán của cổng.",
            "The portal never asks you to transfer money to a personal account. Fees are paid only in the portal's payment section.",
        ),
    },
]
