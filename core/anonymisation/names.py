"""Word lists used by the anonymisation detector (`core.anonymisation.detector`).

Kept apart from the recognisers so the logic stays readable. The lists are
deliberately modest: common UK given names and surnames give a head start,
while context and capitalisation carry the rest.
"""

from __future__ import annotations


def word_set(block: str) -> frozenset[str]:
    return frozenset(block.split())


_words = word_set


def _phrases(block: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in block.strip().splitlines() if line.strip())


GIVEN_NAMES = _words(
    """
    Aaliyah Aaron Abdul Abdullah Abena Abigail Adam Adrian Agnieszka Ahmed Aidan Aiden Aisha Alan Alesha
    Alex Alexander Alexandra Alfie Ali Alice Alicia Alison Amanda Amara Amelia Amina Amir Amit Amy
    Andrea Andrew Andy Aneta Angela Anil Anita Anna Anne Annie Anthony Aoife Archie Arjun Arthur
    Ashley Asif Ava Ayesha Barbara Barry Ben Benjamin Bernard Beth Bethany Beverley Bilal Billy Brad
    Bradley Brandon Brenda Brian Bronwen Bryony Caitlin Callum Cameron Carl Carla Carly Caroline
    Catherine Chantelle Charlene Charlie Charlotte Chelsea Chioma Chloe Chris Christina Christine
    Christopher Ciara Ciaran Claire Clive Colin Connor Courtney Craig Curtis Dafydd Damian
    Damien Dan Daniel Danielle Danny Darren Dave David Dean Debbie Deborah Declan Delroy Demi Denise
    Dennis Derek Dermot Diane Dominic Donna Dorothy Dwayne Dylan Eamon Edward Eileen Elaine Eleanor
    Elijah Elizabeth Ella Ellie Elliot Elliott Emily Emma Eric Erin Ethan Evie Fatima Fiona Finn
    Fraser Freya Gareth Gary Gavin Gemma George Georgia Geraldine Gethin Gillian Glen Glenn Gordon
    Graham Hamish Hannah Harriet Harry Harvey Hassan Hayley Heidi Helen Henry Hollie Hussain Ian
    Imran Isaac Isabel Isabella Isla Jacob Jacqueline Jake Jakub James Jamie Jane Janet Janice
    Jasmine Jason Jayden Jeffrey Jennifer Jenny Jermaine Jessica Jim Jimmy Joanna Joanne Jodie Joe
    Joel John Jonathan Jordan Joseph Josephine Josh Joshua Julia Julie Justin Kai Karen Karl
    Katarzyna Kate Katherine Kathleen Katie Kayla Kayleigh Keith Kelly Kenneth Kerry Kevin Kieran
    Kim Kimberley Kirsty Kofi Krzysztof Kwame Kyle Laura Lauren Leah Leanne Lee Leon Leroy Lesley
    Lewis Liam Linda Lisa Lola Lorraine Louis Louise Lucy Luke Lukasz Lydia Lynn Magdalena Malcolm
    Mandy Marcus Marek Margaret Maria Marie Martin Mary Matthew Maureen Megan Melissa Mia Michael
    Michelle Mick Mike Mohammed Mohammad Mohamed Molly Muhammad Nadia Naomi Natalie Natasha Nathan
    Neil Niamh Nicholas Nicola Nicole Nigel Noah Oliver Olivia Omar Oscar Owen Padraig Paige Pamela
    Patrick Paul Paula Pauline Pawel Pete Peter Philip Phillip Piotr Priya Rachel Rahul Rebecca
    Reece Rhiannon Rhys Richard Ricky Rita Robert Roger Ronald Ross Roy Ryan Sadia Sally Sam
    Samantha Samuel Sana Sandra Sanjay Sarah Scott Sean Shabnam Shane Shanice Shannon Sharon
    Sheila Shirley Sian Simon Siobhan Sophie Stacey Stephanie Stephen Steve Steven Stevie Stuart
    Susan Tanya Tariq Teresa Terry Thomas Tia Tina Toby Tom Tomasz Tommy Toni Tony Tracey Tracy
    Trevor Tyler Tyrone Valerie Vanessa Victoria Wayne Wendy William Winston Yasmin Yusuf Zainab
    Zak Zoe
    """
)

# Short forms and nicknames people go by in UK case notes, which name lists of full names lack.
NICKNAMES = _words(
    """
    Gaz Gazza Baz Bazza Daz Dazza Shaz Shazza Kaz Kazza Maz Caz Jas Jaz Bex Becks Becca Mads Maddy Rach Dev Mo
    Bev Kel Tash Tez Jez Loz Lozza Laz Sas Stu Seb Gav Mikey Jonno Jonny Robbo Tommo Kev Soph
    Abi Jules Wozza Chaz Kez Dazzer Sammi Bri Phil Steph Jacqui Nicky Vicky Tammy Terri Trish Shelley
    Nikki Benji Deano Fitz Jimbo Kenny Macca Mitch Paddy Pete Ronnie Tony Wes Woody Yas
    """
)

# Adjectives in street names and nicknames: "Big Dev", "Wee Jamie", "Little Kaz".
NICKNAME_ADJECTIVES = _words("Big Little Lil Wee Young Old Mad Fat Skinny Baby Tall Ginger")

# Relations and roles written in brackets after a person's initials: "AB (mum)", "LM (SU)", "KO (student SW)".
BRACKETED_ROLES = _words(
    """
    mum mam mother dad father son daughter brother sister partner wife husband boyfriend girlfriend grandmother
    grandfather nan gran grandad aunt uncle cousin niece nephew carer friend neighbour ex su SU pt PT patient client
    service user child yp YP cyp CYP victim perpetrator perp alleged adult tenant resident student worker sw SW
    midwife nurse interpreter advocate officer manager therapist coordinator co-ordinator solicitor doctor consultant
    paramedic physio physiotherapist keyworker mentor befriender volunteer psychologist psychiatrist counsellor
    practitioner navigator caseworker assessor guardian attorney CPN OT HV RMN AMHP IDVA PO GP TM
    """
)

# Capitals that are services, roles, laws or conditions, never a person's initials.
INITIALISMS = _words(
    """
    GP GPs SW SWs PO TM HV SU SUs OT AP UC HB CT NI ED AE MH LD DA DV CP IT TV UK EU OK ID PA PE RE FW FYI NB PS AM
    RPR IMCA IMHA PID PII NINO PMH HPC PRU PPN
    PM DS DC PC DI DCI SGT HMP YOI CPN AMHP IDVA ISVA ASB NFA RUI CPS PPU MDT CPA MHA DOLS MCA BIA LPA OPG CQC ICB
    CCG PCN NHS DWP HMRC DVLA PIP ESA JSA DLA LHA DHP MARAC MAPPA MASH CAMHS CMHT CRHT EDT ASC CSC LA LAC CIN EHCP
    SEN SENCO DSL HT TA YOT YOS PNC CRN NOMIS RMP VLO SPO ASYE PSW SM DMT SLT ICS UDS OST BBV HCV HIV STI TB GAD
    PHQ ADHD ASD OCD PTSD EUPD BPD SMI SMD MND MS CVA TIA COPD DVT UTI AKI ECG MRI AMU ITU ICU HDU NOK POA DNAR
    DOB MP MSP RSL HA RP STR CRHTT HTT CRT EIP ADASS LGA MOJ MOD HO NRM NRPF ILR EUSS BRP ARC SAR SAB DHR LSCB
    SCR CSE CCE ASBO CBO DVPO DVPN NMO FGM HBV OSC RAG BAME LGBT LGBTQ SOS PTO RSVP TBC TBA ETA ETE NEET FE HE
    UCAS IEP PEP PA PAs EHC ICT IAPT CBT DBT EMDR MBT DIP DAAT DAT CGL WDP ACE ACEs MSP MCA SARC IOM OM PSR ROTL
    HDC AP APs OASys RoSH IPP DRR ATR SSO CO UPW NPS CRC PQIP CJ CJS PACE BTP TfL ASD CIC CIO LTD PLC ETC VS HQ
    AOB DNA WNB CNA UTA NA NK NKA PRN OD BD TDS QDS IM IV SC GCS OBS BP RR BMI WFH OOH OOO PPE PEEP ACT END YES THE
    FOR OUT ALL NEW OLD ASK CAN HAS HAD WAS ARE GET SET PUT RUN OFF ON IN AT BY UP GO IS BE WE US MY ME HE SHE HIM
    HER OUR YOU BUT NOR SO IF OR AS AN NOW DAY WK MTH YR AKA NB OK TY THX PLS PTO RSVP FAO
    POP PoP PCSO PCSOs HCA RMN RGN SHO SPR FY1 FY2 CAB DVS DAS URGENT FAO ATTN ASAP NOT DO DONT RE FWD CC BCC TO OF AND
    CAF TAF EHA CHC DST LADO IRO ICPC RCPC CLA PLO SGO CAO LPS AA NQSW SWA FSW EWO SALT ABI DOLs CHIN EHCNA
    ISW PRU AP SEMH SEND LAC CP CPP CPR CSP FGC FNP TAC TAMHS HSC NICE RCN HCPC SWE BASW ADCS MHST ERS
    CAIT HBA FME FMO SOCO CID MISPER CAWN DASH RIC ICTG SCRA CHI DSO IOPC PSNI NIHE GMC NMC CTO IMHA IMCA YM TOP
    CNS CNSs ANP ACP ENP APP ECP EMD EMT HCSW TVN SCPHN SN RN DN
    FBC LFT LFTs TFT TFTs CRP ESR INR eGFR GFR Mg PO4 BNP CK LDH ABG VBG Hb HbA1c WCC UE Na Ca USA UAE UN
    """
)

# First names common in the UK's communities that Faker's locales miss (no Punjabi, Gujarati, Bengali, Somali,
# Eritrean, Welsh or Scottish Gaelic provider, and few Yoruba, Igbo, Akan, Irish and Polish short forms): read
# into the name data's first names (`name_data.py`), so the usual word-list checks still apply to each.
COMMUNITY_GIVEN_NAMES = _words(
    """
    Zayn Rayyan Eesa Zakariya Danyal Saif Aanya Aiza Eshal Manha Jannat Zoya Safa Hania Ikram Hamdi Shukri Faduma
    Fartun Hagos Mehret Zuri Ife Temi Zuzanna Oliwia Wiktoria Agne Egle Gintare Eluned Siân Macsen Kirsteen Albie
    Alfy Olly Mylo Jenson Maisie Esme Darcey Reenie Kath Bren Trev
    Taiwo Kehinde Yousef Youssef Rania Segun Olu Tope Funmi Bisi Yinka Ngozi Chidi Obinna Emeka Nkechi Tendai Tatenda
    Farai Rumbidzai Nyasha Kudzai
    Gurpreet Harpreet Manpreet Jaspreet Navpreet Simranjit Harjit Manjit Sukhjit Paramjit Kuljit Baljit Harjinder
    Baljinder Sukhwinder Jaswinder Parminder Rajinder Surinder Kulwinder Harvinder Gurdeep Kuldeep Mandeep Sandeep
    Navdeep Amandeep Jagdeep Gurinder Jasbir Balbir Harbans Jaspal Gurmit Amrit Kiran Satnam Tejinder Ranjit
    Gurbux Sukhdev Jagjit Inderjit Davinder Raminder Mohinder Taranjit Jasvinder Hardeep Ravinder Kamaljit
    Bhavesh Hitesh Jignesh Nilesh Mitesh Paresh Rakesh Dinesh Mahesh Ramesh Suresh Jayesh Kalpesh Alpesh
    Bhavna Hetal Nisha Pooja Priti Rupal Sonal Dipika Hema Jyoti Kajal Meena Minal Nayna Rekha Sejal Trupti
    Anjali Anita Asha Divya Gita Kavita Lata Leela Mira Nirmala Parvati Radha Sunita Usha Vandana Varsha
    Rahul Rohan Sanjay Vijay Ajay Anil Arjun Deepak Kishan Manoj Mukesh Naresh Pankaj Pradeep Prakash Raj
    Rajesh Sachin Sanjeev Sunil Vikram Vinod Yogesh Kamal Ashok Arun Girish Hari Jatin Ketan Nikhil
    Shamima Shahida Rukhsana Nasreen Parveen Razia Rubina Shabnam Tahmina Yasmin Nazia Farzana Rehana Shazia
    Sadia Samina Sumaira Fozia Kausar Nusrat Ruksana Shahnaz Sharmin Shirin Taslima Nasima Rahima Halima
    Rokeya Jahanara Mumtaz Ayesha Aisha Amna Hira Iqra Mahnoor Maryam Noor Sana Zara Zainab Anam Aleena
    Abdul Abdur Shahid Tariq Imran Irfan Kamran Naveed Nadeem Waseem Asif Arif Zubair Zahid Sajid Majid
    Rashid Khalid Junaid Bilal Hamza Usman Umar Faisal Adnan Rizwan Shahzad Wasim Sohail Shakeel Jamil
    Mizanur Mahbub Shafiq Rafiq Habibur Rezaul Anwar Mamun Shohel Ruhul Jubair Saiful Mostafa Nazrul
    Abdi Abdirahman Abdullahi Abdikarim Abdiaziz Mahad Mohamud Warsame Hassan Farah Ayan Hodan Hamda Fadumo
    Hibaaq Ikran Ilhan Sahra Sagal Nimco Maryan Muna Faadumo Khadra Ubah Ismahan Deeqa Hawo Asli Ladan
    Yonas Dawit Tesfay Tesfaye Habtom Berhane Kibrom Semere Selam Senait Saba Helen Ruta Tsega Mebrat
    Femi Folake Funmi Funmilayo Kemi Bukola Bisi Bola Dapo Dayo Gbenga Jide Kunle Lanre Segun Seun Tunde
    Tayo Wale Yemi Yinka Toyin Tolu Tobi Ayo Ade Bimpe Busola Dupe Ronke Sade Shola Titi Remi Wunmi
    Ebere Chidi Chika Chinedu Chioma Chinwe Chiamaka Ngozi Nkechi Obinna Uche Ugo Ifeoma Ifeanyi Emeka Ike
    Nnamdi Adaeze Amaka Kelechi Obi Ikenna Chukwuemeka Chidinma Onyeka Somto Tochi Nneka Ezinne Oge
    Kwame Kwabena Kwaku Kwasi Kofi Kojo Yaw Akosua Abena Adwoa Akua Ama Afua Efua Esi Yaa Kwesi Ekow
    Dafydd Gruffydd Rhodri Rhys Iwan Ieuan Emyr Gethin Gwilym Huw Aled Bryn Cai Osian Tomos Steffan Dylan
    Elin Eleri Ffion Gwen Gwenllian Heledd Lowri Mali Manon Megan Nia Nerys Rhiannon Seren Siwan Carys
    Catrin Cerys Eirlys Angharad Bethan Delyth Sioned Menna Mererid Llinos Glesni Non Rhian Tegan Alys
    Siobhan Saoirse Aoife Niamh Caoimhe Roisin Sinead Orla Grainne Bridie Bridget Brid Clodagh Deirdre
    Eimear Mairead Nuala Orlaith Padraig Ciaran Cian Oisin Eoin Darragh Donal Fionn Colm Seamus Tadhg
    Ruairi Lorcan Diarmuid Cathal Fergal Niall Aidan Eamon Eamonn Kieran Declan Cormac Ronan Shay
    Ailsa Morag Mhairi Kirsty Iona Isla Catriona Eilidh Fiona Ishbel Seonaid Lachlan Callum Hamish Angus
    Fraser Ewan Euan Alasdair Ruaridh Murdo Calum Struan Torquil
    Gosia Kasia Basia Ola Asia Zosia Jola Magda Beata Iwona Ewa Agnieszka Malgorzata Joanna Dorota Wojtek
    Tomek Kuba Bartek Piotrek Grzegorz Przemek Szymon Mateusz Lukasz Krzysztof Tomasz Marek Jacek Pawel
    Abi Abbi Babs Bex Becs Jas Jaz Kaz Shaz Baz Daz Gaz Tez Loz Soph Ems Nat Vic Fi Jools Mags Steph
    Oksana Olena Olha Iryna Nataliya Tetiana Tetyana Svitlana Yulia Yuliia Kateryna Anastasiia Viktoriia Halyna
    Larysa Liudmyla Mykola Mykhailo Oleksandr Oleksii Oleksiy Andrii Dmytro Serhii Volodymyr Vasyl Yurii Ihor Bohdan
    Taras Vitalii Maksym Denys Pavlo Petro Stepan Valentyna Nadiya Lyudmila Tatiana Ekaterina Svetlana Dmitri Alexei
    Nikolai Anatoly Omid Farid Hamid Rahim Karim Zahra Fatemeh Parisa Soraya Reza Hossein Mohsen Saeed Behrouz Dilan
    Rojin Zana Soran Hemin Kawa Azad Baran Jwan Sherko Sarwar Rebin Shwan Ionut Catalin Marius Vasile Gheorghe
    Mihaela Andreea Florentina Roxana Loredana Oana Xiaoling Xiaoming Xiaoyan Jiahui Zihan Yiming Haoran Yuxuan
    Zhiwei Jianhua Olamide Olumide Oluwaseun Oluwatobi Temitope Ayomide Damilola Babajide Chinonso Chukwudi Ebuka
    Ifunanya Nonso Obiageli Uchenna Tendai Tatenda Tafadzwa Rutendo Nyasha Farai Chipo Tinashe Kudzai Rumbidzai
    Thandiwe Nomvula Sipho Themba Lindiwe Baraka Wanjiru Njeri Kamau Otieno Achieng Akinyi
    Saima Shabana Naila Asma Uzma Tahira Bushra Shamim Zubaida Mehwish Anum Hina Rabia Sidra Shaista Shehnaz
    Nargis Ghazala Naheed Sobia Tasleem Shakeela Nighat Farhana Aqsa Samreen Shagufta Fouzia Riffat Nuzhat
    Kulsoom Sumera Mehreen Nosheen Sumaiya Tayyaba Ambreen Rukhsar Waqas Arshad Javed Zeeshan Haris Shoaib
    Mohsin Amjad Tanveer Mushtaq Ishtiaq Nasir Saqib Adeel Fahad Atif Kashif Nauman Umair Owais Shehzad Azhar
    Akhtar Pervez Parvez Iftikhar Ijaz Ejaz Sarfraz Khurram Mudassar Tauseef Touseef Rehan Raheel Naeem Nadeem
    """
)

# Given names that are also ordinary English words: only flagged with extra evidence.
AMBIGUOUS_GIVEN_NAMES = _words(
    """
    Amber April August Autumn Bill Blessing Carol Chase Crystal Daisy Dawn Drew Faith Frank Grace Guy
    Harmony Heather Holly Honor Hope Iris Ivy Jack Jade Jean June Joy Liberty Lily Mark Max May
    Miles Olive Pat Patience Pearl Penny Poppy Precious Ray Rich Rob Robin Rose Ruby Sandy Sky
    Skye Summer Sunny Violet Will
    Kit Eve Dot Chin Gene Hung Imam Marsh Mat Non Ems Whit Lacy Reg
    """
)

# First names and surnames in the name data (`name_data.py`) that are also ordinary English words: read as names
# only when the context says so ("her daughter Summer", "Major said"), never on their own. Taken from the name
# data against a British English word list; common names whose word sense is rare in case notes (Peter, Sue,
# Terry) were left out of it.
ENGLISH_WORDS_IN_NAME_DATA = _words(
    """
    Ace Add Admiral Ah Albino Ale Almond Alpha Alto Amber Among Angel Angelic Ante Arch Art Aspen Atlas August Aura
    Author Autumn Azalea Babe Baby Baker Bale Banks Baptist Barb Baron Basil Bee Bell Belle Berry Beryl Bill Bird
    Birdie Bishop Blanch Blaze Blessing Bliss Blossom Bode Bonny Boss Bowman Brain Branch Brandy Brogan Brook Brooks
    Brown Buck Bud Bunk Burns Burr Bush Buster Butch Butler Caddie Cadence Canal Candy Cannon Canyon Cap Caprice
    Captain Carmine Carol Carry Case Cash Celesta Champ Chance Chancy Chandler Charity Chase Chastity Cherish Cherry
    China Chip Christen Chuck Cinnamon Clay Cleave Cliff Collie Collier Colon Colonel Comfort Commodore Con Cooper
    Coral Cord Corona Council Coy Creed Crystal Dahlia Daisy Dale Dawn Deacon Deforest Delta Destiny Diamond Dimple
    Dink Divan Doc Dock Doctor Dodo Doll Dove Drew Duff Duke Early Earnest Ebb Ebony Echo Edit Elder Else Ember
    Emerald Emit Era Ermine Essence Eta Ether Ever Fairy Faith Fancy Fanny Fate Fawn Fed Felicity Fern Fielding
    Finis Fisher Fleet Flint Flora Ford Forest Forum Foster Fount Franc Frank Freeman French Friend Fuller Gal Gala
    Gale Garland Garner Garnet Garret Garrison Gauge Gay General Genesis Genie Ginger Golden Gorge Governor Grace
    Grant Graves Green Griffin Grit Grove Gunner Gurney Gust Guy Hale Hall Ham Handy Harden Hardy Harm Harmony Harsh
    Hart Haven Hays Hazel Heath Heather Heaven Hence Herb Hill Holly Hope Hunt Hunter Hymen Icy Immaculate Infant
    Innocent Ion Iris Ivory Ivy Jack Jade Jail Jasmine Jay Jewel Job Journey Joy Judge Junior Justice Kale Karma
    King Laddie Lady Lane Lark Lassie Laurel Lavender Lawyer Laze Lea Leafy Leaner Lemma Lemon Less Levy Liberty
    Lily Linden Link Lisle Little Lone Long Loot Lope Lore Love Loyal Lucky Lute Lyric Mace Mad Madden Made Magnolia
    Major Male Man Manly Manning Mar Mare Margarita Marine Mark Marlin Marquis Marquise Marry Marshal Mart Marten
    Marvel Mate Maverick Max May Mayo Meadow Media Melody Mercy Merrily Merry Messiah Meta Metro Mile Miles Miller
    Mills Miner Minor Miracle Misty Moody Myrtle Nacho Nadir Nail Narcissus Newt Newton Noble North Nova Novella
    Octave Olive Opal Oral Orange Ova Page Paisley Pansy Park Parley Paschal Pastor Pat Pate Patience Peace Pearl
    Pearly Peer Penny Pepper Phoenix Pier Pierce Pink Pinkie Piper Pleas Pleasant Poppy Porter Precious Press Price
    Prince Princess Prosper Prudence Purity Purl Queen Raid Ransom Raven Ray Reason Red Redden Reed Rhea Rice Rich
    Ridge River Robin Rock Rocky Rod Roe Roll Roman Rose Rosemary Rosy Royal Ruby Rush Rusty Sable Sad Safari Sage
    Said Saint Salami Sanders Sandy Sari Savanna Savannah Sawyer Scarlet Serenity Server Sever Shad Shade Shepherd
    Sierra Silver Sincere Sing Sister Skip Sky Smith Sol Sole Son Sonata Spring Squire Star Starling Sterling
    Steward Stone Stonewall Stoney Storm Stormy Summer Sunny Sunshine Sylvan Tab Talon Tan Tanner Tawny Tea Theta
    Tiara Till Tine Tiny Toms Toy Trace Treasure Trinity True Tucker Turner Unique Unknown Unnamed Urban Us
    Valentine Van Veer Velvet Vernal Victory Villa Viola Violet Viva Wadi Wage Walker Ward Warren Wash Watt Weaver
    Wellington Wells West Wheeler Will Willow Windy Wing Winter Wolf Wolfram Wood Worth Wright Yoga Young Zeta Abate
    Agate Amble Arenas Arias Arroyo Auger Bail Ball Ban Barber Bare Barman Barrio Barrios Barrows Bass Bassi Basso
    Bath Bean Beard Beck Beer Bender Berg Best Bigot Bilge Bins Birch Bite Black Block Blot Boles Bond Boner Bones
    Bonnet Boon Bore Borer Bourgeois Bowers Bowler Bravo Bray Brewer Brick Bridge Bridges Bright Browning Brunet
    Bull Bullock Burrows Butcher Butte Cairn Cairns Camps Canals Canning Canny Car Carpenter Carton Cases
    Chamberlain Char Church Clear Cocci Colas Comas Combs Comer Company Contractor Convey Corral Cotter Cousin
    Cousins Crane Craven Craw Crooks Cross Cruise Curry Dare Dash Date Day Deep Dick Dickey Din Diver Divine Doe
    Downs Drub Drum Dunning Dyer Each Emo Fair Fall Fanning Farina Farmer Fee Ferry Field Fields Finch Flood Flowers
    Font Foot Freely Fresh Frost Fry Funk Gamble Gates Gentry Gibbon Glass Glazier Good Gore Grey Gross Guard
    Gunning Hand Hare Hasty Hawthorn Hay Hearty Herd Heron Herring Hills Holder Hood Hook Horn House Huff Hull Johns
    Jug Junk Key Kidney Killer Kiss Knight Lad Lam Lamas Lamb Law Lawless Leach Leech Lees Limo Llamas Llano Llanos
    Lopes Lord Low Lucid Macho Madrigal Mall Mallet Mambo Mane Mans Marks Martins Mas Master Mayoral Meadows
    Merchant Merino Mesa Millet Moan Moles Moll Monk Monks Moon More Moss Mountain Mule Nary Oak Orchard Pace Pages
    Pal Palazzo Pall Palomino Pant Pap Parent Parks Peacock Peck Petty Pi Pike Pinto Plaza Plover Pol Pole Polo Pop
    Pope Potter Pottier Power Powers Priest Quill Rafter Rails Ram Rattan Ravel Read Reader Real Riddle Ring Rivers
    Roach Rout Ruddy Rust Sager Sales Salmon Salvo Sandal Sane Sang Sans Savage Savant Scullion Sellers Seven Sharp
    Shields Shine Short Silk Sims Sitar Small Smart Snow Soprano Sparks Spears Stack Stark Steed Steer Story Stout
    Street Strong Summers Sunder Supple Swift Swords Tailor Tank Toner Too Torrent Torrents Tromp Tron Tutu Vigil
    Wall Walls Ware Warmer Warrior Waters Watts Way Weeks Were White Wills Winters Wise Witting Wren Yogi
    """
)

# First names that are also places, teams or stations ("Victoria", "Chelsea", "Jordan"): names only in context.
PLACE_LIKE_GIVEN_NAMES = _words(
    """
    Victoria Chelsea Jordan India Georgia Florence Paris Sydney Austin Kingston Devon Lincoln Chester Preston
    Camden Brooklyn Dakota Israel Adelaide Orlando Phoenix Dallas Lourdes Africa America Asia Kenya Ireland
    Clyde Trent Tyne Severn Skye Iona Arran Winchester Marina Alexandria Cairo Milan Siena Valencia Seville
    Vienna Berlin Geneva Madison Memphis Nevada Carolina Virginia Savannah Houston Denver Dublin Galway Antrim
    Armagh Niger Mali Jersey Guernsey Holloway Pentonville Belmarsh Wandsworth Brixton Wormwood
    """
)

SURNAMES = _words(
    """
    Haddad Chikwanha Macleod MacLeod Moyo Ncube Sibanda Dube Mutasa Chikore
    Adams Ahmed Akhtar Ali Allen Anderson Andrews Armstrong Atkinson Bailey Baker Ball Barker
    Barnes Barrett Bates Begum Bell Bennett Berry Bibi Bird Bishop Booth Bradley Brennan Brooks
    Brown Burgess Burns Burton Butler Byrne Campbell Carr Carter Chambers Chapman Choudhury Clark
    Clarke Cole Coleman Collins Cook Cooke Cooper Cox Cross Curtis Davies Davis Dawson Day Dixon
    Doherty Doyle Dunn Edwards Elliott Ellis Evans Fisher Fletcher Flynn Ford Foster Fox Francis
    Freeman Gallagher Gardner Gibson Gill Gordon Graham Grant Gray Green Gregory Griffin Griffiths
    Hall Hamilton Harding Hardy Harper Harris Harrison Hart Harvey Hawkins Hayes Henderson Hill
    Hodgson Holland Holmes Hopkins Howard Hudson Hughes Hunt Hunter Hussain Hussein Hutchinson
    Iqbal Islam Jackson James Jenkins Johnson Johnston Jones Kaminski Kaur Kavanagh Kelly Kennedy
    Khan King Knight Kowalski Lawrence Lee Lewandowski Lewis Lloyd Long Lowe Mahmood Marshall
    Martin Mason Matthews McCarthy McDonald McLaughlin Mensah Miah Miller Mills Mitchell Mohamed
    Moore Morgan Morris Moss Murphy Murray Newman Newton Nicholls Nicholson Nowak O'Brien O'Connor
    O'Neill Oliver Osborne Owen Owusu Page Palmer Parker Parry Parsons Patel Payne Pearce Pearson
    Perry Phillips Porter Potter Powell Price Quinn Rahman Reed Rees Reid Reynolds Richards
    Richardson Riley Roberts Robertson Robinson Robson Rogers Ross Russell Ryan Saunders Scott
    Shah Sharp Shaw Shepherd Simpson Singh Smith Spencer Stevens Stewart Stone Sutton Taylor
    Thomas Thompson Turner Uddin Walker Wallace Walsh Walton Ward Warren Watkins Watson Watts Webb
    Webster Wells West Wheeler White Wilkinson Williams Williamson Wilson Wisniewski Wood Woods
    Wright Yates Young
    """
)

TITLES = _words(
    """
    Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lady Lord Rev Revd Reverend Father Sister Cllr
    Councillor Master Madam Sheriff Judge Justice
    """
)

# Words that take a name straight after them: "her son Jamie", "known as Kaz".
STRONG_CUES = _words(
    """
    son daughter partner boyfriend girlfriend husband wife fiance fiancee mum mother mam mom dad
    father stepdad stepmum stepfather stepmother brother sister half-brother half-sister nan nana
    gran granny grandma grandad grandfather grandmother grandson granddaughter niece nephew cousin
    uncle aunt auntie friend mate ex ex-partner ex-boyfriend ex-girlfriend ex-husband ex-wife
    carer baby child children kids sibling siblings twin neighbour flatmate housemate cellmate
    client patient resident tenant called named aka alias nickname christened teenager youngest
    eldest toddler infant newborn grandchild stepson stepdaughter boy girl lad
    """
)

# Family and other relations: "brother of Lacey-Mae", "mother of Kai".
RELATION_WORDS = _words(
    """
    son daughter mother father mum dad brother sister partner wife husband boyfriend girlfriend friend child
    children niece nephew cousin uncle aunt grandson granddaughter grandmother grandfather carer neighbour
    stepson stepdaughter stepmother stepfather ex-partner half-brother half-sister sibling twin
    """
)

# Greetings and sign-offs that take a name straight after them: "Hi Jade", "hiya kayleigh", "thanks Marek".
GREETINGS = _words("hi hiya hey hello dear thanks thank-you cheers morning evening bye ta love")

# Kinds of message that come "from" a person: "txt from kayleigh", "voicemail from Dwayne".
MESSAGE_WORDS = _words(
    """
    txt text texts message messages msg msgs call calls email emails letter letters voicemail vm note notes
    referral card visit update reply response complaint whatsapp snapchat dm
    """
)

# Lower-case words that are never read as a lower-case name, however a name list spells them.
LOWER_CASE_WORDS = _words(
    """
    the and for but not you your our out off all any can has had her his him its may was who why how now new
    one two six ten day way man men say see saw got get let put ran run set sat sun top toy van war yes yet
    bed bin bus car cat dog key job kid lad mum dad nan gran son sis bro bae hun babe love mate pal boss
    will mark bill pat art rob jack frank grant drew chase guy ray rich max miles may sunny major early
    page case park young long price ward hall baker walker king royal star angel honey sugar imo bare chin hung
    dot marsh cam gee mat kit lance curt colt drake imam rube deb ell chi archer mason
    """
)

# Verbs that take a person as object: "spoke with Tanisha", "met Kacper".
WEAK_CUES = _words(
    """
    with met saw contacted phoned rang texted told asked reminded advised encouraged supported
    accompanied informed reassured thanked introduced visited collected gave offered helped
    accompany visit contact text message ask tell update inform chase collect meet-with reassure thank
    followed-up see seeing seen allocated about for assessed assess discharged referred chased
    phone ring call email meet support remind
    """
)

# Role words that are often followed by a person's name: "CPN Sarah", "PO Kacper".
ROLE_CUES = _words(
    """
    CPN SW PO IDVA AMHP GP Nurse Officer Worker Manager Coordinator Co-ordinator Practitioner
    Navigator Psychiatrist Consultant Midwife Keyworker Mentor Paramedic Therapist Counsellor
    Advocate Sergeant PC DC DS Inspector Sgt Constable Warden Caseworker Lead Matron Agent Supervisee
    Supervisor Assessor Interpreter Chaplain Receptionist Volunteer Professional Adviser Advisor Visitor Broker
    Facilitator Clinician Psychologist Physiotherapist Teacher Tutor Solicitor Barrister Guardian Pharmacist
    Dietitian Surgeon Registrar Paediatrician Director Administrator Commissioner Assistant Specialist
    """
)

# What comes after a person's name in case notes: "Tanisha said", "Kacper has".
NAME_VERBS = _words(
    """
    said says told tells was is has had attended reported disclosed stated explained agreed
    declined refused presented returned left moved arrived missed came comes went goes became
    called rang phoned texted asked wants wanted needs needed lives lived stays stayed remains
    remained appeared seemed looked felt feels spoke spent slept used uses took takes tested
    admitted denied described shared engaged struggled struggles continues continued started
    stopped began got gets turned walked ran self-discharged absconded breached failed completed
    managed would will could can might should did does didn't doesn't isn't wasn't hasn't hadn't
    won't can't couldn't wouldn't who whose whom became becomes sees saw met tried tries knows
    knew thinks thought believes believed reports disclosed admits denies hopes hoped cried
    shouted threatened assaulted overdosed collapsed relapsed smelt smelled seems presents
    share shares live work works sleep sleeps drink drinks smoke smokes owe owes confirms agrees declines refuses
    explains describes mentions informs advises requests attends arrives returns misses discloses admits
    keep keeps sells sold buys bought begs begged uses injects injected
    """
)

# More verbs said of people, read only after a word already listed as a first name ("Mark brought the case",
# "Joy found the visit hard"): after an unlisted word they are said of things too ("Brexit made", "Copy sent").
PERSON_VERBS = _words(
    """
    brought found gave made wrote kept heard understood forgot sent paid lost sat stood fell chose
    raised reflected confirmed mentioned noted suggested requested visited chased booked escalated
    worried expressed acknowledged recognised challenged questioned answered replied responded
    """
)

MONTHS = _words(
    """
    January February March April May June July August September October November December Jan
    Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi
    Hydref Tachwedd Rhagfyr
    """
)

WEEKDAYS = _words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri
    Sat Sun Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays
    """
)

TOWNS = _words(
    """
    Aberdeen Aldershot Andover Ashford Aylesbury Banbury Bangor Barking Barnet Barnsley Barrow
    Merthyr Tydfil Pontypridd Aberdare Rhondda Caerphilly Llanelli Wrexham Aberystwyth Whitley
    Basildon Basingstoke Bath Bedford Belfast Bexley Birkenhead Birmingham Blackburn Blackpool
    Bolton Bournemouth Bradford Brent Brighton Bristol Bromley Burnley Bury Cambridge Camden
    Canterbury Cardiff Carlisle Chatham Chelmsford Cheltenham Chester Chesterfield Chichester
    Colchester Coventry Crawley Croydon Darlington Derby Doncaster Dorset Dover Dudley Dundee
    Durham Ealing Eastbourne Edinburgh Enfield Exeter Falmouth Folkestone Gateshead Glasgow
    Gloucester Grimsby Guildford Hackney Halifax Hammersmith Haringey Harlow Harrogate Harrow
    Hartlepool Hastings Havering Hereford Hertford Hillingdon Hounslow Hove Huddersfield Hull
    Inverness Ipswich Islington Kendal Kensington Kent Kettering Lambeth Lancaster Leeds Leicester
    Lewes Lewisham Lincoln Liverpool Llandudno London Luton Maidstone Manchester Margate
    Middlesbrough Milton Keynes Merton Newcastle Newham Newport Northampton Norwich Nottingham
    Oldham Oxford Peckham Penzance Perth Peterborough Plymouth Poole Portsmouth Preston Reading
    Redbridge Redruth Rochdale Rotherham Salford Salisbury Scarborough Sheffield Shrewsbury
    Slough Southampton Southend Southwark Stafford Stevenage Stockport Stockton Stoke Sunderland
    Surrey Sussex Sutton-in-Ashfield Swansea Swindon Taunton Telford Thanet Torquay Truro
    Tottenham Wakefield Walsall Waltham Wandsworth Warrington Watford Westminster Wigan
    Winchester Woking Wolverhampton Worcester Workington Worthing Wrexham Yarmouth York
    Hampshire Yorkshire Lancashire Cumbria Devon Cornwall Essex Norfolk Suffolk Midlands Wales
    Scotland England Ireland Britain UK Hamlets Brixton Stratford Whitechapel Soho Hoxton
    Chapeltown Toxteth Kirkby Bootle Jarrow Gorton Byker Leith Govan Kemp Whitehawk Moulsecoomb
    Calderdale Kirklees Wirral Knowsley Tameside Sandwell Tyneside Northumberland
    Redcar Medway Thurrock Dagenham Torfaen Ceredigion Pembrokeshire Carmarthenshire
    Powys Gwynedd Conwy Denbighshire Flintshire Anglesey Monmouthshire Gwent Glamorgan Bridgend Aberdeenshire
    Lanarkshire Renfrewshire Inverclyde Dunbartonshire Ayrshire Lothian Midlothian Falkirk Clackmannanshire Kinross
    Dumfries Orkney Shetland Fermanagh Omagh Banbridge Craigavon Newry Lisburn Castlereagh Newtownabbey
    Strabane Hertfordshire Bedfordshire Buckinghamshire Oxfordshire Berkshire Wiltshire Gloucestershire
    Worcestershire Herefordshire Shropshire Staffordshire Warwickshire Leicestershire Nottinghamshire Derbyshire
    Lincolnshire Northamptonshire Cambridgeshire Merseyside Humberside Teesside Wearside
    """
)

DRUGS = _words(
    """
    Methadone Subutex Buprenorphine Buvidal Espranor Diazepam Valium Olanzapine Spice Mamba
    Heroin Crack Cocaine Ketamine Ket MDMA Ecstasy Cannabis Skunk Pregabalin Lyrica Gabapentin
    Zopiclone Mirtazapine Sertraline Fluoxetine Citalopram Quetiapine Risperidone Aripiprazole
    Clozapine Lithium Depakote Lorazepam Clonazepam Naloxone Nyxoid Prenoxad Paracetamol
    Ibuprofen Codeine Tramadol Morphine Oxycodone Fentanyl Nitazenes Xanax Alprazolam Etizolam
    Librium Chlordiazepoxide Thiamine Pabrinex Acamprosate Disulfiram Antabuse Naltrexone
    Amitriptyline Propranolol Haloperidol Zuclopenthixol Depixol Paliperidone Insulin Metformin
    Salbutamol Ventolin Amoxicillin Flucloxacillin Omeprazole Vodka Lager Cider Benzos Benzo
    Amphetamine Speed Meth Crystal GBL GHB Nitrous Diamorphine Zyprexa Seroquel Prozac Adderall
    Oramorph Oxynorm Zomorph Fortisip Fortijuce Complan Fresubin Calogen Ensure Creon Movicol Laxido Lactulose
    Senna Gaviscon Kalms Nytol Piriton Sudafed Calpol Nurofen Anadin Solpadeine Co-codamol Dihydrocodeine Buscopan
    Imodium Voltarol Diprobase Epaderm Oilatum Sudocrem Canesten Zoladex Nexplanon Mirena Microgynon
    Cerazette Clexane Warfarin Apixaban Rivaroxaban Edoxaban Atorvastatin Simvastatin Ramipril Amlodipine
    Bisoprolol Lansoprazole Levothyroxine Prednisolone Furosemide Gliclazide Levetiracetam Lamotrigine Epilim Keppra
    Carbamazepine Tegretol Phenytoin Donepezil Memantine Rivastigmine Galantamine Melatonin Circadin Promethazine
    Phenergan Hydroxyzine Trazodone Venlafaxine Duloxetine Paroxetine Escitalopram Vortioxetine Bupropion Lurasidone
    Amisulpride Sulpiride Chlorpromazine Flupentixol Fluphenazine Xeplion Trevicta Abilify Risperdal Aristada
    Suboxone Physeptone Methadose Champix Varenicline Nicorette Sativex Epidiolex Naproxen Diclofenac Pregabalin
    """
)

# Conditions named after the people who described them, that case notes name far more often than any person with
# that surname: "Parkinson's nurse", "Crohn's flare-up", "Alzheimer's Society", "Asperger's". Never a name on their
# own; after a title they still are ("Mr Parkinson"). Surnames common in the UK (Turner, Bell, Wilson, Graves,
# Addison, Huntington) are left out: those conditions are caught by the word after them ("Wilson's disease").
CONDITION_EPONYMS = _words(
    """
    Parkinson Parkinson's Parkinsons Alzheimer Alzheimer's Alzheimers Crohn Crohn's Crohns Asperger Asperger's
    Aspergers Tourette Tourette's Tourettes Hodgkin Hodgkin's Korsakoff Korsakoff's Korsakov Wernicke Wernicke's
    Munchausen Munchausen's Raynaud Raynaud's Duchenne Creutzfeldt Guillain Klinefelter Hirschsprung Sjogren Sjögren
    Ménière Meniere Kawasaki Hashimoto Hashimoto's Lewy Kaposi Dupuytren Dupuytren's Marfan Behcet Behçet Angelman
    Perthes Charcot Tay-Sachs Legionnaires Legionnaires' Ehlers-Danlos Danlos Prader-Willi Asperger-type
    Friedreich Friedreich's Tenckhoff Apgar Apgars Ortolani Doppler
    """
)

# Organisations, services, brands and other proper nouns that are never a person here.
ORGANISATION_WORDS = _words(
    """
    Datix Ulysses SystmOne EMIS RiO Liquidlogic CPOMS MyConcern Homechoice Skyguard Allevyn Aquacel Mepilex
    Inadine Tegaderm Braden Waterlow Barthel Tesla Cordia Karma Nirvana Midland Heart Encompass
    Pupil Pupils Student Students Supervisor Supervisee Colleague Colleagues Grandson Granddaughter Grandchild
    Neurology Cardiology Oncology Psychiatry Psychology Paediatrics Orthopaedics Gynaecology Dermatology Urology
    Renfrewshire Tayside Angus Fife Lothian Lanarkshire Ayrshire Grampian Dunbartonshire Inverclyde Clackmannanshire
    Aberdeenshire Moray Highland Argyll Stirlingshire Kinross Galloway Dumfries Borders Shetland Orkney Powys
    Ceredigion Gwynedd Conwy Denbighshire Flintshire Wrexham Caerphilly Rhondda Torfaen Monmouthshire
    Pembrokeshire Carmarthenshire Caerfyrddin Abertawe Caerdydd Casnewydd Builth Llandrindod Plas Hedd Môn
    Mam Mammy Taid Nain Sacro Hartmann Hartmann's Forwarded Teesside
    Shropshire Lincolnshire Herefordshire Worcestershire Staffordshire Warwickshire Leicestershire Nottinghamshire
    Derbyshire Cheshire Lancashire Cumbria Northumberland Somerset Dorset Wiltshire Gloucestershire Oxfordshire
    Buckinghamshire Bedfordshire Hertfordshire Suffolk Norfolk Cambridgeshire Northamptonshire Rutland Surrey
    Hampshire Berkshire Boston Bassetlaw Frome Clunton Tyneside Merseyside Wearside Humberside Clydeside Deeside
    Mind Shelter Crisis Refuge Samaritans Barnardo's Nacro Catch22 Centrepoint Depaul YMCA YWCA
    Emmaus Oasis Turning Point Salvation Army Citizens Advice StepChange Jobcentre Jobcentre Plus
    Mungo's Mungos Thames Reach Change Grow Live CGL Humankind Forward Trust Addaction WDP
    Adfam Mencap Scope Sense Age Concern Rethink Respect Victim Support Foodbank Trussell Big Issue
    Tesco Asda Lidl Aldi Sainsbury's Sainsbury Morrisons Greggs McDonald's Costa Boots Superdrug
    Primark Poundland Wetherspoons Wetherspoon's Iceland Co-op KFC Subway Uber Amazon Argos
    Facebook WhatsApp Snapchat TikTok Instagram Zoom Teams Google Microsoft Outlook Android
    iPhone Samsung Vodafone Lebara Giffgaff EE Arriva Stagecoach Megabus National Express
    Avanti Southern Northern Southeastern Thameslink Premier Inn Travelodge Airbnb Ofsted CQC
    DWP HMRC DVLA HMPPS HMP NPS CRC Interventions NHS ICB CCG PIP ESA JSA DLA UC LHA DHP MARAC
    MAPPA IDVA ISVA CAMHS CMHT AMHP CPN CPA DOLS DoLS MASH MHA NFA ASB PCSO Section Care Act
    Christmas Easter Ramadan Eid Diwali Hanukkah Halloween Bonfire Valentine's Mother's Father's
    Boxing New Year Bank Holiday Lent Advent Pride Glastonbury Wimbledon Arsenal Chelsea-FC
    Albion Rovers United City Villa Wanderers Spurs Hotspur Rangers Celtic Everton Anfield
    Christian Christianity Muslim Islam Islamic Hindu Sikh Jewish Catholic Protestant Buddhist
    Quran Bible Church Mosque Temple Gurdwara Synagogue God Allah Jesus Lord's
    English British Scottish Welsh Irish Polish Romanian Lithuanian Latvian Bulgarian Czech
    Slovak Hungarian Portuguese Spanish Italian French German Kurdish Turkish Arabic Somali
    Eritrean Sudanese Afghan Syrian Iranian Iraqi Albanian Vietnamese Chinese Bengali Punjabi
    Urdu Gujarati Tamil Nigerian Ghanaian Jamaican Caribbean African Asian European Roma
    Traveller Gypsy Irish-Traveller Ukrainian Russian Pakistani Indian Bangladeshi Filipino
    Brazilian Congolese Zimbabwean Kenyan Ugandan Ethiopian Yemeni Sri Lankan Nepali Tigrinya Amharic
    Pashto Dari Farsi Persian Sylheti Lingala Twi Yoruba Igbo Hausa Swahili Oromo Kurmanji Sorani Tagalog
    Cantonese Mandarin Romani Hindi Sinhala Hungarian Slovakian Moldovan Georgian Armenian BSL Makaton
    Rough Sleeper Housing First Floating Support Supporting People Lifeline Narcotics Anonymous
    Alcoholics AA NA SMART Recovery Samaritan Childline Shout Papyrus Nightline Hub
    Royal Sussex County Hospital Infirmary Maudsley Bethlem Priory Broadmoor Rampton Ashworth
    Whittington Homerton Moorfields Addenbrooke's Guy's Thomas' Barts Bart's Lister Whiston
    Walsgrave Southmead Frenchay Freeman Wythenshawe Aintree Pinderfields Jimmy's Ninewells
    Crown Magistrates Tribunal Parole Board Police Met Constabulary Ambulance Fire Coroner
    Home Office Border Force Ministry Justice Department DfE DHSC Parliament Government
    Universal Credit Council Borough County District Parish Trust Foundation Association
    Charity Partnership Network Project Programme Alliance Collective Consortium Clinic Unit
    Team Service Services Centre Center Hospital Hospice Surgery Practice Pharmacy Hostel House
    Lodge Court Hall Academy College School University Institute Ward Wing Suite Prison Station
    Library Chapel Cathedral Market Arcade Stadium Park Gardens Road Street Avenue Lane Close
    Drive Crescent Terrace Grove Mews Square Parade Rise Place Walk Way Estate Tower Towers
    Bridge Quay Wharf Retail Shopping Leisure Sports Bus Coach Rail Railway Airport Harbour
    Beach Pier Heath Common Fields Meadows Woods Forest Valley Bay Point Cross
    """
)

# Capitalised words that end a run as an organisation, service or street; a run with one of
# these in it is not a person ("Hope House", "Grace Court", "Victoria Road").
RUN_KILLERS = _words(
    """
    Road Rd Street Avenue Ave Lane Close Drive Crescent Terrace Grove Mews Square Parade Rise
    Place Walk Way Gardens Park Court Estate Tower Towers Bridge Quay Wharf Station Hospital
    Hospice Infirmary Clinic Surgery Practice Pharmacy Centre Center Unit Ward Wing Suite House
    Lodge Hall Hostel Project Trust Foundation Association Charity Partnership Network Programme
    Service Services Team Council Borough Authority Department Court Prison Academy College
    School University Institute Library Church Chapel Cathedral Mosque Temple Market Stadium
    Hotel Inn Pub Arms Tavern Cafe Café Kitchen Club Society Group Housing Homes Home Care Health
    Recovery Alliance Collective Consortium Hub Foundation Limited Ltd Plc LLP CIC Partnership
    Magistrates Crown Tribunal Constabulary Police Ambulance Fire Airport Harbour Library Theatre
    Cinema Museum Gallery Leisure Sports Gym Pool Retail Shopping Industrial Business St Saint
    Advice Army Aid Anonymous Act Plus Forum Voices Panel Board Circle Fellowship Initiative Movement Coalition
    Pantry Larder Garden Space Haven Sanctuary Mission Helpline Line Appeal Fund Scheme Pathway Lottery
    Homecare Healthcare Lettings Solicitors Associates Agency Recruitment Consultancy Solutions Enterprises
    Properties Estates Nursing Training Award Awards Lecture Memorial Bursary Cymru
    Futures Beginnings Horizons Pathways Journeys Choices Chances Connections Foundations Directions Opportunities
    Routes Visions Outcomes Horizon Tomorrow Tomorrows Command Dock Docks Basin Marina Pier Embankment Promenade
    Esplanade Broadway Precinct Retail-Park Interchange Terminal Depot
    Mansions Heights Buildings Blocks Villas Cottages Flats Apartments
    Report Review Inquiry Enquiry Commission
    Framework Model Toolkit Wellbeing Cottage Cottages Gateway Protocol Room Primary Infants Juniors Secondary
    Grammar Comprehensive Scale Score Tool Checklist Chronology Basket
    """
)

# Welsh words that open an organisation's name: "Tai Tarian" (housing), "Cyngor Gwynedd" (council),
# "Ysbyty Gwynedd" (hospital). They end a run only with another capitalised word after them ("Tai" is also a name).
WELSH_ORGANISATION_LEADERS = _words(
    """
    Tai Ty Tŷ Cyngor Ysbyty Canolfan Meddygfa Cymdeithas Gwasanaeth Gwasanaethau Coleg Ysgol Prifysgol Cartref Hafan
    Llys Heddlu Cymorth Gofal Iechyd Bwrdd
    """
)

# Acronyms that, straight after a capitalised word, make it a service's name: "Calan DVS", "Hafan CIC".
SERVICE_ACRONYMS = _words(
    """
    DVS DAS DAAT CIC CVS HA CAB UK LTD Ltd PLC Plc CIO YOT YOS CAMHS CMHT CRHT NHS FT ICB CCG PCN LLP IDVA ISVA
    DV DA SARC MASH ASC CSC
    """
)

# Countries, territories and cities abroad that case notes mention (where family lives, where someone came from).
PLACES_ABROAD = (
    _words(
        """
    Afghanistan Albania Algeria Angola Argentina Australia Austria Bangladesh Belarus Belgium Bolivia Bosnia
    Botswana Brazil Bulgaria Burundi Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czechia
    Denmark Egypt Eritrea Estonia Ethiopia Finland France Gambia Germany Ghana Greece Guinea Guyana Hungary
    Iceland Indonesia Iran Iraq Italy Jamaica Japan Kazakhstan Kosovo Kuwait Latvia Lebanon Liberia Libya
    Lithuania Luxembourg Macedonia Malawi Malaysia Malta Mauritius Mexico Moldova Montenegro Morocco Mozambique
    Myanmar Namibia Nepal Netherlands Nicaragua Norway Oman Pakistan Palestine Peru Philippines Poland Portugal
    Qatar Romania Russia Rwanda Senegal Serbia Slovakia Slovenia Somalia Somaliland Spain Sudan Sweden
    Switzerland Syria Taiwan Tanzania Thailand Tobago Togo Tunisia Turkey Uganda Ukraine Uruguay Uzbekistan
    Venezuela Vietnam Yemen Zambia Zimbabwe Kurdistan Punjab Kashmir Sylhet Mirpur Lagos Accra Kumasi Nairobi
    Mombasa Kabul Kandahar Mogadishu Hargeisa Karachi Lahore Islamabad Rawalpindi Peshawar Dhaka Chittagong Delhi
    Mumbai Kolkata Chennai Amritsar Jalandhar Ludhiana Warsaw Krakow Gdansk Wroclaw Poznan Bucharest Cluj Iasi
    Vilnius Kaunas Riga Tallinn Kyiv Kiev Kharkiv Lviv Odesa Odessa Tirana Baghdad Basra Mosul Erbil Tehran
    Damascus Aleppo Homs Khartoum Asmara Addis Ababa Harare Bulawayo Kampala Kinshasa Beijing Shanghai Guangzhou
    Shenzhen Manila Lisbon Madrid Barcelona Amsterdam Brussels Istanbul Ankara Prague Budapest Bratislava Sofia
    Kong Hanoi Saigon Bangkok Colombo Kathmandu Algiers Tripoli Tunis Rabat Casablanca Cairo Freetown Abuja
    """
    )
    - GIVEN_NAMES
    - {"Sofia"}
)

# Frequent capitalised words at the start of a sentence or in headings, plus role titles,
# service words and other words that are never names in case notes.
COMMON_WORDS = _words(
    """
    A An The This That These Those There Here Where When While Whilst Why How What Who Whom Whose
    Which Whatever Whenever Wherever However Although Though Because Since Until Unless If Then
    Also Both Each Every Either Neither No Not None Nothing Nobody Noone Some Somebody Someone
    Something Any Anybody Anyone Anything All Most Many Much More Less Least Few Several Such
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Thirty Forty Fifty
    Hundred Thousand First Second Third Fourth Fifth Last Next Previous Further Other Another
    Same Own His Her Hers Their Theirs My Mine Our Ours Your Yours Its He She They We I You It Him
    Them Us Me Myself Himself Herself Themselves Ourselves Yourself Itself Everyone Everybody
    Everything In On At To From By With Without For Of Off Over Under Into Onto Upon About Around
    Across Through Throughout Between Among Amongst Against Along Via Per Within Towards Toward
    Before After During Despite Following Prior Regarding Re And Or But Nor So Yet As Than Like
    Unlike Please Thanks Thank Yes Ok Okay Note Notes NB PS Summary Background Presenting Issue
    Issues History Current Currently Situation Assessment Reflection Reflections Learning
    Question Questions Discussion Case Cases Study Supervision Practitioner Practitioners Social
    Worker Workers Nurse Nurses Officer Officers Manager Managers Lead Leads Duty Staff Mental
    Health Adult Adults Children Child Childrens Family Families Young Person People Persons Care
    Leaver Leavers Safeguarding Housing Benefits Benefit Universal Credit Council Police
    Probation Court Courts Magistrates Prison Hostel Ambulance Paramedics Paramedic Emergency
    Department Ward Hospital GP GPs Practice Surgery Pharmacy Chemist Drug Drugs Alcohol
    Substance Substances Misuse Recovery Detox Rehab Treatment Needle Exchange Outreach Street
    Homeless Homelessness Rough Sleeping Sleeper Sleepers Day Days Night Nights Morning Mornings
    Afternoon Evening Evenings Out Hours Crisis Home Liaison Psychiatry Psychiatric Psychiatrist
    Community Approved Professional Professionals Team Teams Service Services Support Supported
    Worker Key Keyworker Navigator Coordinator Co-ordinator Consultant Doctor Doctors Registrar
    Midwife Health Visitor Visitors Therapist Counsellor Advocate Advocacy Mentor Peer Volunteer
    Volunteers Personal Adviser Advisers Advisor Advisors Senior Junior Principal Head Chief
    Director Deputy Assistant Acting Interim
    Specialist Clinical Clinician Psychologist Occupational Physio Physiotherapist Dietitian
    Pharmacist Receptionist Administrator Admin Caseworker Sergeant Inspector Constable Detective
    Warden Caretaker Landlord Landlady Tenant Tenants Resident Residents Client Clients Patient
    Patients Service User Users Person's Carer Carers Parent Parents Mother Father Mum Dad Son
    Daughter Partner Brother Sister Friend Friends Nan Gran Grandma Grandad Uncle Aunt Cousin
    Baby Boyfriend Girlfriend Husband Wife Ex Neighbour Neighbours Agency Agencies Plan Plans
    Action Actions Update Updates Risk Risks Concern Concerns Outcome Outcomes Attended Visited
    Called Phoned Rang Spoke Met Saw Noted Reported Advised Referred Referral Referrals Contacted
    Emailed Texted Letter Letters Meeting Meetings Visit Visits Overnight Weekend Weekends Today
    Yesterday Tomorrow Tonight Tonights Now Later Earlier Recently Previously Initially Finally
    Eventually Immediately Afterwards Meanwhile Overall Generally Usually Often Sometimes Never
    Always Still Already Again Only Just Even Perhaps Maybe Possibly Probably Certainly Clearly
    Unfortunately Fortunately Thankfully Sadly Hopefully Apparently Reportedly Allegedly Also
    Additionally Furthermore Moreover Therefore Thus Hence Otherwise Instead Indeed Actually
    Really Very Quite Rather Too Around Approximately Roughly Nearly Almost About Above Below
    Discussed Agreed Arranged Planned Booked Cancelled Postponed Completed Started Finished
    Ongoing Outstanding Pending Closed Open Opened Reopened Allocated Unallocated Transferred
    Escalated Shared Sent Received Requested Offered Declined Refused Accepted Explained Checked
    Confirmed Unable Able Unclear Unknown Known Likely Unlikely Possible Impossible Good Bad
    Better Worse Best Worst Great Poor Fine Well Unwell Ill Sick Safe Unsafe Happy Sad Low High
    Big Small Little Large Long Short Old New Young Early Late Full Part Whole Half Main Major
    Minor Key Urgent Important Relevant Significant Serious Recent Regular Weekly Daily Monthly
    Annual Fortnightly Joint Multi-agency Multiagency Partnership Local National Regional Central
    North South East West Northern Southern Eastern Western Upper Lower Inner Outer Greater
    Royal General County District City Town Village Borough Metropolitan Ward Block Flat
    Apartment Room Floor Unit Bedsit Studio Accommodation Temporary Emergency Supported Shared
    Private Social Council Tenancy Eviction Notice Arrears Rent Deposit Bond Benefits Payment
    Payments Sanction Sanctions Appeal Tribunal Claim Claims Application Form Forms Assessment
    Review Reviews Strategy Section Sections Order Orders Licence License Conditions Condition
    Curfew Tag Bail Remand Sentence Custody Release Released Recall Recalled Breach Arrest
    Arrested Charged Conviction Offence Offences Offending Victim Victims Perpetrator Survivor
    Domestic Abuse Violence Exploitation County Lines Trafficking Modern Slavery Self-neglect
    Hoarding Neglect Harm Self-harm Suicide Suicidal Overdose Overdoses Relapse Withdrawal
    Withdrawals Intoxicated Drunk Sober Clean Abstinent Script Scripts Prescription
    Prescriptions Medication Medications Meds Tablets Injection Injecting Depot Dose Doses
    Diagnosis Diagnosed Dual Psychosis Psychotic Schizophrenia Bipolar Depression Anxiety PTSD
    ADHD Autism Autistic Personality Disorder EUPD BPD Dementia Learning Disability Disabilities
    Brain Injury Hepatitis HIV Epilepsy Seizure Seizures Diabetes Asthma COPD Cellulitis DVT
    Abscess Abscesses Wound Wounds Infection Infections Pain Injury Injuries Fall Falls Fracture
    A&E ED Accident Emergency Resus Majors Minors Triage Admission Admitted Discharge Discharged
    Ward Wards Bed Beds Inpatient Outpatient Appointment Appointments DNA DNAs Missed Assessment
    Capacity Consent Confidentiality Information Data Record Records Notes File Files System
    Systems Mosaic Liquidlogic EMIS SystmOne Rio RiO Carenotes Nebula Delius OASys nDelius
    Caseload Caseloads Secret Hidden Invisible Story Stories Reflective Practice Practise
    Learning Lessons Insight Insights Thoughts Feelings Feedback Comments Comment Response
    Responses Reply Answer Answers Help Helpful Useful Advice Guidance Policy Policies Procedure
    Procedures Protocol Framework Model Approach Approaches Trauma-informed Strengths-based
    Person-centred Holistic Multiple Needs Complex Disadvantage Exclusion Inclusion Poverty
    Debt Debts Money Cash Food Foodbank Clothes Shower Laundry Phone Mobile Email Text Call
    Calls Message Messages Voicemail Sim Credit Internet Wifi Laptop Computer Tablet Bus Buses
    Train Trains Taxi Car Bike Walk Walking Lift Travel Journey Ticket Tickets Pass Passes
    Oyster Railcard Fare Fares Route Stop Stops Shelter Bench Doorway Tent Tents Sleeping-bag
    Blanket Blankets Cold Weather Severe SWEP Winter Summer Spring Autumn Heat Rain Snow Storm
    Christmas Week Weeks Month Months Year Years Fortnight Hour Minutes Minute Time Times Date
    Dates Deadline Period Age Aged Years-old Year-old Male Female Man Woman Men Women Boy Girl
    Boys Girls Lad Lads Gentleman Lady Guy Guys Mate Mates Gang Gangs Peer Peers Group Groups
    Class Classes Session Sessions Course Courses Training Education Employment Work Job Jobs
    Volunteering Skills CV Interview Interviews Benefit Wage Wages Income Budget Budgeting Bills
    Bill Gas Electric Electricity Water Heating Meter Fridge Cooker Furniture Bed Sofa Carpet
    Repairs Damp Mould Pests Mice Rats Bedbugs Cockroaches Smell Clutter Rubbish Bins Keys
    Door Window Windows Lock Locks Entry Intercom Stairs Lift Garden Yard Kitchen Bathroom
    Toilet Hallway Lounge Bedroom Bedrooms Landing Basement Loft Garage Shed Car-park Carpark
    Park Street Road Lane Avenue Close Estate Block Tower Centre Shop Shops Supermarket Cafe
    Café Pub Bar Club Library Church Mosque Temple Gym Pool Cinema Bookies Bookmakers Arcade
    Hostel Refuge Night-shelter Shelter Sit-up Hub Drop-in Daycentre Day-centre Soup Kitchen
    Van Bus Outreach Team Teams Red Amber Green RAG Level Levels Tier Tiers Band Bands Stage
    Stages Phase Phases Step Steps Part Parts Chapter Page Pages Line Lines Box Boxes Item Items
    Point Points Number Numbers Ref Reference Code Codes Status Result Results Score Scores
    Total Totals Cost Costs Price Prices Fee Fees Fine Fines Charge Charges Sum Sums Amount
    Pounds Pence Pound Pence Dear Hi Hello Regards Best Kind Many Thanks Cheers Sorry Apologies
    Welcome Congratulations Well-done Agree Disagree Consider Considered Considering Think
    Thinking Thought Wonder Wondering Feel Feeling Felt Believe Hope Hoping Hoped Wish Wishes
    Want Wants Need Needs Needed Should Would Could Can Cannot Can't May Might Must Shall Will
    Won't Wouldn't Couldn't Shouldn't Don't Doesn't Didn't Isn't Aren't Wasn't Weren't Hasn't
    Haven't Hadn't It's He's She's They're We're I'm I've I'd I'll You're That's There's What's
    Let's Lets Let Do Does Did Done Be Been Being Is Are Was Were Am Has Have Had Having Get Gets
    Got Getting Go Goes Went Gone Going Come Comes Came Coming Make Makes Made Making Take Takes
    Took Taken Taking Give Gives Gave Given Giving Keep Keeps Kept Put Puts Say Says Said Tell
    Tells Told Ask Asks Asked See Sees Seen Look Looks Looked Find Finds Found Try Tries Tried
    Use Uses Used Using Leave Leaves Left Leaving Stay Stays Stayed Staying Move Moves Moved
    Moving Live Lives Lived Living Sleep Sleeps Slept Eat Eats Ate Drink Drinks Drank Drinking
    Smoke Smokes Smoked Smoking Inject Injects Injected Buy Bought Sell Sold Pay Pays Paid Owe
    Owes Owed Lose Lost Win Won Run Ran Running Call Calling Ring Ringing Text Texting Email
    Emailing Write Wrote Written Writing Read Reading Reading's Signpost Signposted Signposting
    Liaise Liaised Liaising Chase Chased Chasing Follow Followed Follow-up Review Reviewed
    Reviewing Monitor Monitored Monitoring Record Recorded Recording Report Reporting Raise
    Raised Raising Share Sharing Discuss Discussing Plan Planning Arrange Arranging Book Booking
    Cancel Cancelling Attend Attending Visit Visiting Check Checking Contact Contacting Refer
    Referring Support Supporting Assess Assessed Assessing Explore Explored Exploring Encourage
    Encouraged Encouraging Reassure Reassured Remind Reminded Offer Offering Provide Provided
    Providing Complete Completing Continue Continued Continuing Start Starting Stop Stopped
    Stopping Begin Began Begun End Ended Ending Return Returned Returning Arrive Arrived Arriving
    Present Presented Presenting Disclose Disclosed Disclosing Admit Admitting Deny Denied
    Denying Appear Appeared Appearing Seem Seemed Seeming Remain Remained Remaining Become
    Became Becoming Mr Mrs Ms Miss Mx Dr Prof Sir Madam Mister Misses Staffing Nightshift
    Nightstaff Earlies Lates Handover Rota Shift Shifts On-call Oncall Duty Manager Managers
    Safeguarding Lead Lone Working Worker's Workers' Client's Patient's Resident's Tenant's
    Council's Police's Team's Service's Hospital's Staff's Today's Yesterday's Tonight's
    Tomorrow's Week's Month's Year's Everyone's Someone's Nobody's Anyone's Mum's Dad's Nan's
    Partner's Friend's Brother's Sister's Son's Daughter's Children's Women's Men's People's
    Mother's Father's Landlord's Txt Txts Msg Msgs Vm Dm Whatsapp Voicemails Sms Fwd Fw Log Logged
    """
)

# Job titles that follow a role word ("Consultant Surgeon", "Staff Nurse"): never a person's name.
JOB_TITLES = _words(
    """
    Surgeon Surgeons Physician Physicians Anaesthetist Radiologist Geriatrician Neurologist Cardiologist Oncologist
    Reviewer Reviewers Auditor Adjudicator Assessors
    Dermatologist Obstetrician Paediatrician Gynaecologist Urologist Haematologist Rheumatologist Gastroenterologist
    Endocrinologist Psychotherapist Optometrist Dentist Podiatrist Chiropodist Audiologist Orthoptist Sonographer
    Phlebotomist Technician Hygienist Chaplain Solicitor Barrister Magistrate Clerk Usher Porter Secretary
    Houseman Intern Trainee Apprentice Locum Surveyor Assessor Investigator Analyst Commissioner Inspector
    Superintendent Chairperson Chair Convenor Facilitator Broker Ombudsman Registrar Matron Sister Practitioner
    Leader Leaders Controller Controllers Dispatcher Dispatchers
    """
)

# Multi-word services, roles and institutions that must never be read as a name.
STOP_PHRASES = _phrases(
    """
    forwarded message
    original message
    rich tea
    queen's nurse
    queens nurse
    christmas eve
    new year's eve
    new years eve
    christmas day
    boxing day
    accident and emergency
    job centre plus
    jobcentre plus
    change grow live
    citizens advice
    salvation army
    turning point
    st mungo's
    st mungos
    thames reach
    women's aid
    victim support
    big issue
    probation service
    national probation service
    crisis team
    home treatment team
    housing officer
    social worker
    community psychiatric nurse
    mental health act
    care act
    children act
    universal credit
    housing first
    narcotics anonymous
    alcoholics anonymous
    milton keynes
    tower hamlets
    stoke-on-trent
    royal sussex county hospital
    hong kong
    sierra leone
    sri lanka
    new zealand
    south africa
    saudi arabia
    el salvador
    costa rica
    ivory coast
    czech republic
    dominican republic
    homes for ukraine
    bob's your uncle
    tom, dick and harry
    tom, dick or harry
    tom dick and harry
    doubting thomas
    peeping tom
    heath robinson
    jack russell
    billy no-mates
    young carer
    young person
    young people
    yellow card
    schwartz round
    bona vacantia
    chevra kadisha
    tax-free childcare
    billy no mates
    billy-no-mates
    peter pan
    rob peter to pay paul
    robbing peter to pay paul
    smart alec
    smart aleck
    nosey parker
    nosy parker
    jack of all trades
    jack the lad
    jack-the-lad
    johnny-come-lately
    johnny come lately
    good samaritan
    dear john
    even stevens
    walter mitty
    jekyll and hyde
    man friday
    girl friday
    mickey mouse
    lazy susan
    uncle tom cobley
    hobson's choice
    sod's law
    murphy's law
    achilles heel
    pandora's box
    trojan horse
    catch-22
    deprivation of liberty
    liberty protection safeguards
    court of protection
    holland & barrett
    holland and barrett
    marks & spencer
    marks and spencer
    john lewis
    sue ryder
    marie curie
    leonard cheshire
    florence nightingale
    mary seacole
    st john ambulance
    ronald mcdonald house
    mother teresa
    yarl's wood
    yarls wood
    wormwood scrubs
    elizabeth line
    bună ziua
    buna ziua
    dzień dobry
    dzien dobry
    bore da
    prynhawn da
    noswaith dda
    shwmae
    salaam alaikum
    as-salamu alaykum
    jubilee line
    victoria line
    """
)
