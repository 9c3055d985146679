"""The Lao names of the demo's organisations and co-chairs (``idswg.demo`` fills them in).

Kept apart from ``idswg.demo`` so that the English stays as the seed documents have it.
A Lao short name is given where one is in common use (ປກສ for the Ministry of Public
Security); elsewhere the page shows the English one (LCDC, UNODC).
"""

ORGANISATIONS_LO = {
    # short name: (Lao name, Lao short name)
    "LCDC": ("ຄະນະກຳມະການແຫ່ງຊາດ ເພື່ອຄວບຄຸມ ແລະ ກວດກາຢາເສບຕິດ", ""),
    "MPS": ("ກະຊວງປ້ອງກັນຄວາມສະຫງົບ", "ປກສ"),
    "MOH": ("ກະຊວງສາທາລະນະສຸກ", "ສທ"),
    "MPI": ("ກະຊວງແຜນການ ແລະ ການລົງທຶນ", "ຜທ"),
    "UNODC": ("ຫ້ອງການ ສປຊ ວ່າດ້ວຍຢາເສບຕິດ ແລະ ອາຊະຍາກຳ", ""),
    "Japan": ("ສະຖານທູດຍີ່ປຸ່ນ", ""),
    "Australia": ("ສະຖານທູດອົດສະຕຣາລີ", ""),
    "AFP": ("ຕຳຫຼວດສະຫະພັນອົດສະຕຣາລີ", ""),
    "US": ("ສະຖານທູດສະຫະລັດອາເມລິກາ", ""),
    "EU": ("ຄະນະຜູ້ແທນສະຫະພາບເອີຣົບ ປະຈຳ ສປປ ລາວ", ""),
    "Luxembourg": ("ສະຖານທູດລຸກຊຳບວກ", ""),
    "Canada": ("ສະຖານທູດການາດາ", ""),
    "UK": ("ສະຖານທູດອັງກິດ ປະຈຳນະຄອນຫຼວງວຽງຈັນ", ""),
    "France": ("ສະຖານທູດຝຣັ່ງ", ""),
    "Germany": ("ສະຖານທູດສາທາລະນະລັດສະຫະພັນເຢຍລະມັນ", ""),
    "JICA": ("ອົງການຮ່ວມມືສາກົນຍີ່ປຸ່ນ", ""),
}

PEOPLE_LO = {
    # English name: (Lao honorific, Lao name, Lao position)
    "Khamking Phouilamanivong": (
        "ທ່ານ ພົນຕີ",
        "ຄຳກິ່ງ ພຸຍລາມະນີວົງ",
        "ຮອງລັດຖະມົນຕີ ກະຊວງປ້ອງກັນຄວາມສະຫງົບ",
    ),
    "Tsutomu KOIZUMI": ("ທ່ານ", "ສຶໂຕະມຸ ໂຄອິຊຸມິ", "ເອກອັກຄະລັດຖະທູດ ຍີ່ປຸ່ນ ປະຈຳ ສປປ ລາວ"),
    "Masood Karimipour": (
        "ທ່ານ",
        "ມາຊູດ ກາຣິມີປູ",
        "ຜູ້ຕາງໜ້າປະຈຳພາກພື້ນອາຊີຕາເວັນອອກສ່ຽງໃຕ້ ແລະ ປາຊີຟິກ ຂອງຫ້ອງການ ສປຊ ວ່າດ້ວຍຢາເສບຕິດ ແລະ ອາຊະຍາກຳ",
    ),
}
