/* Optional accelerator for linter.ngrams.FinLM: the character 1-5-gram model's look-ups and
 * window scores, in C.  The pure-Python FinLM is the definition and stays the fallback; this
 * module computes exactly the same floats (the same IEEE operations in the same order, libm's
 * log), which tests/test_finlm_c.py checks against it.
 *
 * Table: sorted uint32 keys (CRC-32 of a gram's UTF-8) with parallel uint32 counts and
 * continuation counts, scaled by `scale`.  A look-up hashes the gram, finds its bucket by the
 * key's top 16 bits (bounds precomputed) and binary-searches the bucket.
 *
 * A gram holding a surrogate code point has no UTF-8: Python's ``gram.encode("utf-8")`` raises,
 * and so does a look-up here, with the same UnicodeEncodeError, at the same look-up (a window
 * asks for its grams in the Python order, shortest history first, stopping where it stops).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define MAX_N 5        /* a window: up to 4 characters of history and the character */
#define NBUCKETS 65536

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32_bytes(const unsigned char *p, Py_ssize_t n) {  /* = zlib.crc32(bytes) */
    uint32_t c = 0xFFFFFFFFu;
    for (Py_ssize_t i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

typedef struct {
    PyObject_HEAD
    Py_buffer keys, counts, types;
    Py_ssize_t n;
    Py_ssize_t *bounds; /* [2 * NBUCKETS]: start, end of each bucket */
    double scale, denom;
} Model;

/* ---- strings: code points -> UTF-8, per code point offsets --------------------------------- */

typedef struct {
    PyObject *str;        /* the string, and the first of its code points encoded */
    Py_ssize_t base;
    unsigned char *buf;   /* UTF-8 of the code points [0, len) (surrogates as 3 bytes) */
    Py_ssize_t *off;      /* off[i] = byte offset of code point i; off[len] = total */
    Py_ssize_t *sur;      /* NULL, or sur[i] = surrogates among code points [0, i) */
    Py_ssize_t len;
    unsigned char sbuf[256];
    Py_ssize_t soff[65];
} Utf8;

static void utf8_free(Utf8 *u) {
    if (u->buf != u->sbuf) PyMem_Free(u->buf);
    if (u->off != u->soff) PyMem_Free(u->off);
    PyMem_Free(u->sur);
    u->buf = u->sbuf;
    u->off = u->soff;
    u->sur = NULL;
}

/* Encode code points [lo, hi) of s.  Returns 0, or -1 with MemoryError set. */
static int utf8_encode(PyObject *s, Py_ssize_t lo, Py_ssize_t hi, Utf8 *u) {
    Py_ssize_t n = hi - lo;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    u->str = s;
    u->base = lo;
    u->len = n;
    u->buf = u->sbuf;
    u->off = u->soff;
    u->sur = NULL;
    if (n * 4 > (Py_ssize_t)sizeof(u->sbuf) || n + 1 > (Py_ssize_t)(sizeof(u->soff) / sizeof(Py_ssize_t))) {
        u->buf = PyMem_Malloc(n * 4 + 1);
        u->off = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t));
        if (!u->buf || !u->off) {
            utf8_free(u);
            PyErr_NoMemory();
            return -1;
        }
    }
    Py_ssize_t b = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, lo + i);
        u->off[i] = b;
        if (c < 0x80) {
            u->buf[b++] = (unsigned char)c;
        } else if (c < 0x800) {
            u->buf[b++] = (unsigned char)(0xC0 | (c >> 6));
            u->buf[b++] = (unsigned char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            if (c >= 0xD800 && c <= 0xDFFF && !u->sur) {  /* rare: count them from here on */
                u->sur = PyMem_Calloc(n + 1, sizeof(Py_ssize_t));
                if (!u->sur) {
                    utf8_free(u);
                    PyErr_NoMemory();
                    return -1;
                }
            }
            u->buf[b++] = (unsigned char)(0xE0 | (c >> 12));
            u->buf[b++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            u->buf[b++] = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            u->buf[b++] = (unsigned char)(0xF0 | (c >> 18));
            u->buf[b++] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
            u->buf[b++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            u->buf[b++] = (unsigned char)(0x80 | (c & 0x3F));
        }
        if (u->sur) u->sur[i + 1] = u->sur[i] + (c >= 0xD800 && c <= 0xDFFF);
    }
    u->off[n] = b;
    return 0;
}

/* Raise what Python's gram.encode("utf-8") raises for the gram [a, b) holding a surrogate. */
static int encode_error(const Utf8 *u, Py_ssize_t a, Py_ssize_t b) {
    PyObject *gram = PyUnicode_Substring(u->str, u->base + a, u->base + b);
    if (gram) {
        PyObject *bytes = PyUnicode_AsUTF8String(gram);
        Py_DECREF(gram);
        if (bytes) {  /* cannot happen: a surrogate does not encode */
            Py_DECREF(bytes);
            PyErr_SetString(PyExc_SystemError, "_finlm: surrogate encoded");
        }
    }
    return -1;
}

/* ---- the table ----------------------------------------------------------------------------- */

/* (count, continuations) of the gram of code points [a, b) of u; (0, 0) when unseen.
 * 0, or -1 with Python's UnicodeEncodeError set when the gram holds a surrogate. */
static int lookup(const Model *m, const Utf8 *u, Py_ssize_t a, Py_ssize_t b, double *d, double *t) {
    if (u->sur && u->sur[b] != u->sur[a]) return encode_error(u, a, b);
    uint32_t k = crc32_bytes(u->buf + u->off[a], u->off[b] - u->off[a]);
    const uint32_t *keys = (const uint32_t *)m->keys.buf;
    Py_ssize_t lo = m->bounds[2 * (k >> 16)], end = m->bounds[2 * (k >> 16) + 1], hi = end;
    while (lo < hi) {  /* lower bound, as bisect_left */
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < k) lo = mid + 1; else hi = mid;
    }
    if (lo < end && keys[lo] == k) {
        *d = (double)((const uint32_t *)m->counts.buf)[lo] / m->scale;
        *t = (double)((const uint32_t *)m->types.buf)[lo] / m->scale;
    } else {
        *d = 0.0;
        *t = 0.0;
    }
    return 0;
}

/* log P(u[e-1] | u[s:e-1]) into *out: interpolated Witten-Bell from the unigram up, asking for
 * the grams in FinLM._window's order.  0, or -1 with an exception set. */
static int window(const Model *m, const Utf8 *u, Py_ssize_t s, Py_ssize_t e, double *out) {
    double d, t, c, tt;
    if (lookup(m, u, e - 1, e, &c, &tt) < 0) return -1;
    double p = (c + 0.5) / m->denom;
    for (Py_ssize_t a = e - 2; a >= s; a--) {  /* the histories u[a:e-1], shortest first */
        if (lookup(m, u, a, e - 1, &d, &t) < 0) return -1;
        if (d <= 0 || t <= 0) break;
        if (lookup(m, u, a, e, &c, &tt) < 0) return -1;
        p = (c + t * p) / (d + t);
    }
    *out = log(p);
    return 0;
}

/* ---- the type ------------------------------------------------------------------------------ */

static int get_u32(PyObject *obj, Py_buffer *view, const char *what) {
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) return -1;
    if (view->itemsize != 4 || !view->format || (strcmp(view->format, "I") && strcmp(view->format, "=I")
                                                 && strcmp(view->format, "<I"))) {
        PyErr_Format(PyExc_TypeError, "%s: expected a buffer of uint32", what);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static int Model_init(Model *self, PyObject *args, PyObject *kw) {
    PyObject *keys, *counts, *types;
    double scale, denom;
    (void)kw;
    if (!PyArg_ParseTuple(args, "OOOdd", &keys, &counts, &types, &scale, &denom)) return -1;
    if (self->bounds) {
        PyErr_SetString(PyExc_RuntimeError, "Model already initialised");
        return -1;
    }
    if (get_u32(keys, &self->keys, "keys") < 0) return -1;
    if (get_u32(counts, &self->counts, "counts") < 0) return -1;
    if (get_u32(types, &self->types, "types") < 0) return -1;
    self->n = self->keys.len / 4;
    if (self->counts.len / 4 != self->n || self->types.len / 4 != self->n) {
        PyErr_SetString(PyExc_ValueError, "keys, counts and types differ in length");
        return -1;
    }
    const uint32_t *k = (const uint32_t *)self->keys.buf;
    for (Py_ssize_t i = 1; i < self->n; i++) {
        if (k[i - 1] > k[i]) {
            PyErr_SetString(PyExc_ValueError, "keys are not sorted");
            return -1;
        }
    }
    self->bounds = PyMem_Malloc(2 * NBUCKETS * sizeof(Py_ssize_t));
    if (!self->bounds) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t i = 0;
    for (Py_ssize_t b = 0; b < NBUCKETS; b++) {
        self->bounds[2 * b] = i;
        while (i < self->n && (k[i] >> 16) == (uint32_t)b) i++;
        self->bounds[2 * b + 1] = i;
    }
    self->scale = scale;
    self->denom = denom;
    return 0;
}

static void Model_dealloc(Model *self) {
    if (self->keys.obj) PyBuffer_Release(&self->keys);
    if (self->counts.obj) PyBuffer_Release(&self->counts);
    if (self->types.obj) PyBuffer_Release(&self->types);
    PyMem_Free(self->bounds);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int ready(Model *self) {
    if (!self->bounds) {
        PyErr_SetString(PyExc_RuntimeError, "Model not initialised");
        return 0;
    }
    return 1;
}

/* (count, continuations) of a whole str gram: 0, or -1 with an exception set */
static int lookup_str(Model *self, PyObject *gram, double *d, double *t) {
    if (!ready(self)) return -1;
    if (!PyUnicode_Check(gram)) {
        PyErr_SetString(PyExc_TypeError, "expected str");
        return -1;
    }
    Utf8 u;
    if (utf8_encode(gram, 0, PyUnicode_GET_LENGTH(gram), &u) < 0) return -1;
    int r = lookup(self, &u, 0, u.len, d, t);
    utf8_free(&u);
    return r;
}

/* lookup(gram) -> (count, continuations) */
static PyObject *Model_lookup(Model *self, PyObject *gram) {
    double d, t;
    if (lookup_str(self, gram, &d, &t) < 0) return NULL;
    return Py_BuildValue("(dd)", d, t);
}

/* count(gram) -> float */
static PyObject *Model_count(Model *self, PyObject *gram) {
    double d, t;
    if (lookup_str(self, gram, &d, &t) < 0) return NULL;
    return PyFloat_FromDouble(d);
}

/* window(w) -> log P(w[-1] | w[:-1]) */
static PyObject *Model_window(Model *self, PyObject *w) {
    if (!ready(self)) return NULL;
    if (!PyUnicode_Check(w)) return PyErr_Format(PyExc_TypeError, "expected str");
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    if (n < 1) return PyErr_Format(PyExc_ValueError, "empty window");
    Utf8 u;
    if (utf8_encode(w, 0, n, &u) < 0) return NULL;
    double v;
    int r = window(self, &u, 0, n, &v);
    utf8_free(&u);
    if (r < 0) return NULL;
    return PyFloat_FromDouble(v);
}

/* Sum of log P(s[i] | s[i-4:i]) over start <= i < stop, left to right from 0.0, into *out;
 * with has_floor, stop as soon as the running sum falls below floor - 1e-9 and return 1 (none).
 * -1 with an exception set. */
static int score_range(Model *self, PyObject *s, Py_ssize_t start, Py_ssize_t stop, int has_floor,
                       double floor, double *out) {
    Py_ssize_t lo = start > MAX_N - 1 ? start - (MAX_N - 1) : 0;
    Utf8 u;
    if (utf8_encode(s, lo, stop, &u) < 0) return -1;
    double v = 0.0, x, bar = floor - 1e-9;
    for (Py_ssize_t i = start; i < stop; i++) {
        Py_ssize_t e = i - lo + 1, b = e - MAX_N > 0 ? e - MAX_N : 0;
        if (window(self, &u, b, e, &x) < 0) {
            utf8_free(&u);
            return -1;
        }
        v += x;
        if (has_floor && v < bar) {
            utf8_free(&u);
            return 1;
        }
    }
    utf8_free(&u);
    *out = v;
    return 0;
}

static int parse_range(PyObject *s, Py_ssize_t start, PyObject *end_obj, Py_ssize_t *stop) {
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "expected str");
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    *stop = n;
    if (end_obj && end_obj != Py_None) {
        *stop = PyLong_AsSsize_t(end_obj);
        if (*stop == -1 && PyErr_Occurred()) return -1;
    }
    if (start < *stop && (start < 0 || *stop > n)) {  /* (the check asks only for ranges inside it) */
        PyErr_SetString(PyExc_ValueError, "score range outside the string");
        return -1;
    }
    return 0;
}

/* score(s, start, end=None) -> float */
static PyObject *Model_score(Model *self, PyObject *args) {
    PyObject *s, *end_obj = Py_None;
    Py_ssize_t start, stop;
    if (!ready(self)) return NULL;
    if (!PyArg_ParseTuple(args, "On|O", &s, &start, &end_obj)) return NULL;
    if (parse_range(s, start, end_obj, &stop) < 0) return NULL;
    double v = 0.0;
    if (start < stop && score_range(self, s, start, stop, 0, 0.0, &v) < 0) return NULL;
    return PyFloat_FromDouble(v);
}

/* score_above(s, start, floor) -> float or None */
static PyObject *Model_score_above(Model *self, PyObject *args) {
    PyObject *s;
    Py_ssize_t start, stop;
    double floor;
    if (!ready(self)) return NULL;
    if (!PyArg_ParseTuple(args, "Ond", &s, &start, &floor)) return NULL;
    if (parse_range(s, start, NULL, &stop) < 0) return NULL;
    double v = 0.0;
    if (start < stop) {
        int r = score_range(self, s, start, stop, 1, floor, &v);
        if (r < 0) return NULL;
        if (r > 0) Py_RETURN_NONE;
    }
    if (v >= floor) return PyFloat_FromDouble(v);
    Py_RETURN_NONE;
}

static PyMethodDef Model_methods[] = {
    {"lookup", (PyCFunction)Model_lookup, METH_O, "lookup(gram) -> (count, continuations)"},
    {"count", (PyCFunction)Model_count, METH_O, "count(gram) -> float"},
    {"window", (PyCFunction)Model_window, METH_O, "window(w) -> log P(w[-1] | w[:-1])"},
    {"score", (PyCFunction)Model_score, METH_VARARGS, "score(s, start, end=None) -> float"},
    {"score_above", (PyCFunction)Model_score_above, METH_VARARGS, "score_above(s, start, floor) -> float | None"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ModelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "linter._finlm.Model",
    .tp_basicsize = sizeof(Model),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Model(keys, counts, types, scale, unigram_denom): FinLM's table, scored in C",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Model_init,
    .tp_dealloc = (destructor)Model_dealloc,
    .tp_methods = Model_methods,
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "_finlm", "C look-ups and window scores for linter.ngrams.FinLM", -1, NULL,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__finlm(void) {
    crc_init();
    if (PyType_Ready(&ModelType) < 0) return NULL;
    PyObject *m = PyModule_Create(&moduledef);
    if (!m) return NULL;
    Py_INCREF(&ModelType);
    if (PyModule_AddObject(m, "Model", (PyObject *)&ModelType) < 0) {
        Py_DECREF(&ModelType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
