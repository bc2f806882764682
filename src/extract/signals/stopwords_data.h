/*
 * stopwords_data.h: the most common function words of nine languages, lowercase
 * UTF-8, typed from general knowledge of each language (articles, pronouns,
 * prepositions, conjunctions, auxiliaries). Prose is full of them; menus, tag
 * clouds and teaser titles are not. Chinese and Japanese are handled by
 * character class in stopwords.c. Included only by stopwords.c.
 */
#ifndef WN_EXTRACT_STOPWORDS_DATA_H
#define WN_EXTRACT_STOPWORDS_DATA_H

static const char *const stopwords[] = {
    /* en */
    "a", "about", "above", "after", "again", "against", "all", "also", "although", "am",
    "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
    "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "like", "made", "many", "may", "me", "might", "more", "most", "much",
    "must", "my", "myself", "never", "no", "nor", "not", "now", "of", "off", "on", "once",
    "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
    "she", "should", "since", "so", "some", "still", "such", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "though", "through", "to", "too", "under", "until", "up", "upon", "us",
    "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
    "you", "your", "yours", "yourself",
    /* de */
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander",
    "andere", "anderen", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da",
    "dabei", "dadurch", "dafür", "damit", "dann", "darauf", "darum", "das", "dass", "daß",
    "dein", "deine", "dem", "den", "denen", "denn", "der", "deren", "des", "deshalb", "dich",
    "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "dir", "doch", "dort",
    "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwa",
    "etwas", "euch", "euer", "für", "gegen", "gewesen", "hab", "habe", "haben", "hat",
    "hatte", "hatten", "hier", "hin", "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre",
    "ihrem", "ihren", "ihrer", "im", "immer", "in", "indem", "ins", "ist", "ja", "jede",
    "jedem", "jeden", "jeder", "jedes", "jedoch", "jetzt", "kann", "kein", "keine", "können",
    "könnte", "man", "manche", "mehr", "mein", "meine", "mich", "mir", "mit", "muss", "musste",
    "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "schon", "sehr",
    "sein", "seine", "seinem", "seinen", "seiner", "seit", "sich", "sie", "sind", "so",
    "solche", "soll", "sollte", "sondern", "sowie", "über", "um", "und", "uns", "unser",
    "unter", "viel", "vom", "von", "vor", "wann", "war", "waren", "warum", "was", "weil",
    "welche", "welchem", "welchen", "welcher", "wenn", "wer", "werde", "werden", "wie",
    "wieder", "will", "wir", "wird", "wo", "wurde", "wurden", "zu", "zum", "zur", "zwar",
    "zwischen",
    /* fr */
    "à", "afin", "ai", "ainsi", "alors", "au", "aux", "avec", "avait", "avoir", "ce", "ceci",
    "cela", "celle", "celui", "ces", "cet", "cette", "chez", "comme", "comment", "dans",
    "de", "des", "donc", "dont", "du", "elle", "elles", "en", "encore", "entre", "est",
    "et", "été", "être", "eu", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui",
    "mais", "me", "même", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ont",
    "ou", "où", "par", "pas", "pendant", "peu", "peut", "plus", "pour", "pourquoi", "qu",
    "quand", "que", "quel", "quelle", "qui", "sa", "sans", "se", "selon", "ses", "si",
    "son", "sont", "sous", "sur", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute",
    "très", "tu", "un", "une", "vers", "vos", "votre", "vous", "y",
    /* es */
    "al", "algo", "algunos", "ante", "antes", "aquí", "así", "aunque", "bien", "cada",
    "como", "con", "contra", "cual", "cuando", "de", "del", "desde", "donde", "dos", "el",
    "él", "ella", "ellos", "en", "entre", "era", "es", "esa", "ese", "eso", "esta", "está",
    "este", "esto", "están", "fue", "fueron", "ha", "había", "han", "hasta", "hay", "la",
    "las", "le", "les", "lo", "los", "más", "me", "mi", "mientras", "muy", "nada", "ni",
    "no", "nos", "nosotros", "o", "otra", "otro", "otros", "para", "pero", "poco", "por",
    "porque", "que", "qué", "quien", "se", "sea", "según", "ser", "si", "sí", "sido", "sin",
    "sobre", "son", "su", "sus", "también", "tan", "tanto", "te", "tiene", "todo", "todos",
    "tras", "tu", "un", "una", "uno", "unos", "y", "ya", "yo",
    /* it */
    "agli", "ai", "al", "alla", "alle", "allo", "anche", "ancora", "che", "chi", "ci",
    "come", "con", "cosa", "così", "da", "dagli", "dai", "dal", "dalla", "dalle", "degli",
    "dei", "del", "della", "delle", "dello", "di", "dove", "e", "è", "ed", "era", "essere",
    "fra", "gli", "ha", "hanno", "il", "in", "io", "la", "le", "lei", "lo", "loro", "lui",
    "ma", "mi", "molto", "ne", "negli", "nei", "nel", "nella", "nelle", "non", "noi", "o",
    "per", "perché", "più", "poi", "quale", "quando", "quella", "quelle", "quello", "questa",
    "queste", "questo", "se", "sei", "si", "sia", "sono", "su", "sua", "sue", "sui", "sul",
    "sulla", "suo", "suoi", "tra", "tutti", "tutto", "un", "una", "uno", "voi",
    /* pt */
    "ao", "aos", "apenas", "as", "às", "até", "com", "como", "da", "das", "depois", "do",
    "dos", "e", "ela", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta", "está",
    "este", "eu", "foi", "foram", "há", "isso", "isto", "já", "lhe", "mais", "mas", "me",
    "mesmo", "muito", "na", "nas", "não", "nem", "no", "nos", "nós", "num", "numa", "o",
    "os", "ou", "para", "pela", "pelas", "pelo", "pelos", "por", "quando", "que", "se",
    "sem", "ser", "seu", "seus", "só", "sua", "suas", "são", "também", "tem", "têm", "um",
    "uma", "você",
    /* nl */
    "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat",
    "de", "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en",
    "er", "ge", "geen", "geweest", "haar", "had", "heb", "hebben", "heeft", "hem", "het",
    "hier", "hij", "hoe", "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "kan",
    "kon", "kunnen", "maar", "me", "meer", "men", "met", "mij", "mijn", "moet", "na",
    "naar", "niet", "niets", "nog", "nu", "of", "om", "omdat", "onder", "ons", "ook", "op",
    "over", "reeds", "te", "tegen", "toch", "toen", "tot", "u", "uit", "uw", "van", "veel",
    "voor", "want", "waren", "was", "wat", "werd", "wezen", "wie", "wij", "wil", "worden",
    "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zonder", "zou",
    /* ru */
    "а", "без", "более", "бы", "был", "была", "были", "было", "быть", "в", "вам", "вас",
    "весь", "во", "вот", "все", "всего", "всех", "вы", "где", "да", "даже", "для", "до",
    "его", "ее", "её", "если", "есть", "еще", "ещё", "же", "за", "здесь", "и", "из", "или",
    "им", "их", "к", "как", "какой", "когда", "кто", "ли", "либо", "мне", "может", "мы",
    "на", "над", "надо", "наш", "не", "него", "нее", "нет", "ни", "них", "но", "ну", "о",
    "об", "однако", "он", "она", "они", "оно", "от", "очень", "по", "под", "после", "при",
    "про", "с", "со", "так", "также", "такой", "там", "те", "тем", "то", "того", "тоже",
    "только", "том", "ты", "у", "уже", "хотя", "чем", "что", "чтобы", "эта", "эти", "это",
    "этот", "я",
    /* pl */
    "a", "aby", "ale", "bardzo", "bez", "bo", "być", "był", "była", "było", "były", "będzie",
    "co", "czy", "dla", "do", "gdy", "gdzie", "go", "i", "ich", "im", "jak", "jako", "jednak",
    "jego", "jej", "jest", "jeszcze", "jeśli", "już", "każdy", "kiedy", "kto", "która",
    "które", "który", "lub", "ma", "mi", "mnie", "może", "na", "nad", "nam", "nas", "nie",
    "nich", "niż", "o", "od", "oraz", "po", "pod", "ponieważ", "przez", "przy", "się", "so",
    "są", "ta", "tak", "także", "tam", "te", "tego", "tej", "ten", "to", "tu", "tylko",
    "tym", "u", "w", "we", "więc", "wszystko", "z", "za", "ze", "że", "żeby",
};

/* zh/ja: frequent particles and function characters, as code points. */
static const unsigned cjk_stop_chars[] = {
    0x7684, 0x4E86, 0x662F, 0x5728, 0x548C, 0x6709, 0x6211, 0x4E0D, 0x4EBA, 0x8FD9,
    0x4E5F, 0x5C31, 0x90FD, 0x4F60, 0x4ED6, 0x4EEC, 0x4E4B, 0x4E0E, 0x4E3A, 0x4E2D,
    0x4E2A, 0x4EE5, 0x800C, 0x5BF9, 0x5230, 0x8BF4, 0x5730, 0x5F97, 0x7740, 0x5C06,
    0x3067, 0x306E, 0x306B, 0x306F, 0x3092, 0x305F, 0x304C, 0x3066, 0x3068, 0x3057,
    0x308C, 0x3055, 0x3042, 0x308B, 0x3044, 0x3082, 0x306A, 0x3059, 0x304B, 0x3060,
};

#endif
