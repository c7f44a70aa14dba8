/*
 * The LaTeX-math subset that solution sheets use for answers: one display (or one row of an
 * align / aligned block) is read into an expression chain `a = b = c`.
 *
 * Reading happens in three stages (derivcheck.latex):
 *   1. this lexer splits the text into raw tokens (commands, single letters, numbers, punctuation);
 *   2. LatexTokens rewrites that stream: spacing (\quad \, \! \left \right \big ...) is dropped,
 *      fonts are unwrapped (\mathbf{x} is x: bold is the same symbol), \mathrm{d} becomes the
 *      letter d, \operatorname{sign} / \mathrm{sgn} / \text{sign} become FUNC tokens, \text{if}
 *      and \text{otherwise} become IF / OTHERWISE, \top and \mathsf{T} become TOP, and the spec's
 *      LaTeX names (\theta^{t+1}, \tilde g^t, \mathbf{w}^*_{\text{ridge}}) are replaced by one SYM
 *      token each (longest match first);
 *   3. this parser reads the rewritten tokens.
 * Every token the rewrite does not know stays a CMD, which the reader reports as an unknown
 * command with its position: nothing is dropped silently.
 *
 * Precedence ladder of `expr`, tightest first (ANTLR takes alternatives in order):
 *   postfix   x^{t+1}  x_{i+2}  A^T  \|x\|_\infty  f'
 *   product   a b (juxtaposition), a \cdot b, a \times b, a / b, a \odot b, a \oslash b   (left-associative)
 *             \sum_{i=1}^{N} binds the product that follows it
 *   sign      -a  +a   (only at the start of a sum)
 *   sum       a + b  a - b   (left-associative)
 * Relations (= < > \le \ge \ne) are not expressions: they chain expressions in a row, appear
 * in Iverson brackets [\![ j = i ]\!] and in the conditions of a cases environment.
 */
grammar Latex;

tokens { SYM, FSYM, FUNC, GREEK, IF, OTHERWISE, TOP, EXPECT, VARIANCE, ACCENT, WORD, IMPLIES, FORALL, EVALOPEN, EVALCLOSE, EVALBAR, ARGMIN }

// ---- a whole display: rows of chains, optionally inside aligned / align / gathered / split --

answer : rows EOF ;

rows
    : BEGIN_ENV rows END_ENV                      # Environment
    | row (ROWSEP row)* ROWSEP?                   # RowList
    ;

// One row: `&` marks alignment only; a row may continue the chain of the row before (`&= ...`).
// Prose around the chain is not part of it: `\Rightarrow`, `\text{Let }`, `\text{so }` before,
// `\text{variance}`, `\text{ by (1)}`, `\quad \forall i`, `\text{for all } i` after (a quantifier
// over the answer's free index, which is inferred anyway). Text inside the chain is an error.
row : prose? '&'? lead=relOp? '&'? expr ('&'? rel+=relOp '&'? expr)* punct? tail? ;

prose : (IMPLIES | WORD | IF)+ ;

tail : ((WORD | IF | FORALL) (LETTER | SYM)? punct?)+ ;

punct : ',' | '.' | ';' ;

relOp
    : '=' | '<' | '>' | LE | GE | NE | APPROX | DEFEQ | ASSIGN
    ;

// ---- the precedence ladder ------------------------------------------------------------------

expr
    : expr op = ('+' | '-' | PM) term             # AddSub
    | op = ('+' | '-' | PM) term                  # Signed
    | term                                        # TermExpr
    // `\frac{\partial L}{\partial a}\Big|_{a = 1}`: an evaluation bar without \left. applies to the
    // whole side before it (the loosest suffix)
    | expr EVALBAR '_' script                     # EvalAt
    ;

term
    : term op = (CDOT | TIMES | '*' | '/' | ODOT | OSLASH) factor # ExplicitProduct
    // `\frac{1}{B} \cdot \sum_i ...`: the sum is the right factor
    | term op = (CDOT | TIMES | '*') bigop        # ExplicitBigOp
    | term factor                                 # Juxtaposition
    | bigop                                       # BigOpTerm
    | term bigop                                  # JuxtaposedBigOp
    | factor                                      # FactorTerm
    ;

// \sum_{i=1}^{N} body, \sum_i body, \sum_{j} body: the body is the product that follows.
bigop : SUM_ ('_' lo=script)? ('^' hi=script)? term ;

factor
    : factor '^' script                           # Superscript
    | factor '_' script                           # Subscript
    | factor '\''                                 # Prime
    | primary                                     # PrimaryFactor
    ;

// A script: x^2, x_i, x^T, x^\top, w^*, x_{i+2}, W_{i,j}, x^{-1}.
script
    : '{' binder = (LETTER | SYM) '=' expr '}'    # BinderScript
    | '{' expr (',' expr)* '}'                    # GroupScript
    | '{' '}'                                     # EmptyScript
    | NUMBER                                      # NumberScript
    | LETTER                                      # LetterScript
    | GREEK                                       # GreekScript
    | SYM                                         # SymScript
    | TOP                                         # TopScript
    | '*'                                         # StarScript
    | INFTY                                       # InftyScript
    | '\''                                        # PrimeScript
    ;

primary
    : NUMBER                                      # Number
    // f(x'), f(x'; w), rho(l): a name applied to arguments. The name pass marks FSYM only the
    // names the spec makes functions (declared functions, names it writes with arguments, such as
    // latex "f(x; w)"); any other name before parentheses is a product, a(x + y)^2 = a (x + y)^2.
    | FSYM '(' expr ((';' | ',' | '|') expr)* ')' # Application
    // p(x, y), p(x | z), g(w; X, t): a letter the spec does not name, applied (reported as unknown)
    | LETTER '(' expr ((';' | ',' | '|') expr)+ ')'  # LetterApplication
    | SYM                                         # Symbol
    | LETTER                                      # Letter
    | GREEK                                       # Greek
    | '{' expr '}'                                # Braced
    | '(' expr ')'                                # Parens
    // \left. f(x) \right|_{x = a}: f evaluated at x = a
    | EVALOPEN expr EVALCLOSE '_' script          # EvalGroup
    // \arg\min_x J, \operatorname*{argmin}_x J, \underset{x}{\operatorname{argmin}} J: read only as the
    // whole left side of an answer (the unknown, when J is the problem's objective)
    | ARGMIN '_' script expr                      # ArgMin
    | '[' '[' condition ']' ']'                   # Iverson
    // [j = i]: an Iverson bracket; sheets damaged by OCR write [\![j=i]\!] as [j=i]]
    | '[' condition ']' ']'?                      # IversonSingle
    | '[' expr ']'                                # Brackets
    | FRAC num = group den = group                # Fraction
    | SQRT ('[' index = expr ']')? group          # Root
    | NORM expr NORM                              # Norm
    | '|' expr '|'                                # Abs
    | LANGLE expr ',' expr RANGLE                 # Inner
    // E[x], E(x), E_m[x] (the subscript names the distribution and is dropped by the token
    // rewrite), E^2(x) = (E[x])^2, \mathbb{E}[x]^2 (postfix power, the same)
    | EXPECT ('^' pow = script)? '[' expr ']'     # Expectation
    | EXPECT ('^' pow = script)? '(' expr ')'     # ExpectationParens
    // E_{p(x)} E_{q(z|x)} [f]: an expectation of an expectation
    | EXPECT primary                              # ExpectationBare
    | VARIANCE '[' expr ']'                       # Variance
    | VARIANCE '(' expr ')'                       # VarianceParens
    // \nabla^2_w L, \nabla_w^2 L, \nabla^2 L: the Hessian grad(grad(L, w), w)
    | NABLA '^' two = NUMBER ('_' script)? factor # Hessian
    | NABLA '_' script '^' two = NUMBER factor    # HessianSubFirst
    | NABLA ('_' script)? factor                  # Nabla
    // \log x, \exp(x), \operatorname{sign}(g), \max(a, b), \log^2 x is not supported
    | FUNC ('_' script)? '(' expr (',' expr)* ')' # CallParens
    | FUNC ('_' script)? factor                   # CallBare
    // `\min = ...`: the optimal value of the problem
    | FUNC                                        # BareFunction
    | ACCENT group                                # AccentGroup
    | ACCENT primary                              # Accent
    | BEGIN_CASES caseRow (ROWSEP caseRow)* ROWSEP? END_CASES   # Cases
    | DOTS                                        # Dots
    | CMD                                         # UnknownCommand
    ;

group : '{' expr '}' | NUMBER | LETTER | GREEK | SYM ;

// One arm of a cases environment: `a g_j & \text{if } j \le 2, \\` or `0 & \text{otherwise}`.
caseRow : expr ','? '&' IF? (condition | OTHERWISE) punct? ;

// `j \le 2`, `3 \le j \le N-2`, or a range `j = 3, \dots, N-2` (that is 3 <= j <= N-2).
condition
    : expr '=' lo = expr ',' DOTS ','? hi = expr   # RangeCondition
    | expr (relOp expr)+                           # ChainCondition
    ;

// ---- lexer ------------------------------------------------------------------------------------

BEGIN_CASES : '\\begin' [ ]* '{' ('cases' | 'dcases' | 'rcases') '}' ;
END_CASES : '\\end' [ ]* '{' ('cases' | 'dcases' | 'rcases') '}' ;
BEGIN_ENV : '\\begin' [ ]* '{' [a-zA-Z*]+ '}' ;
END_ENV : '\\end' [ ]* '{' [a-zA-Z*]+ '}' ;

FRAC : '\\frac' | '\\dfrac' | '\\tfrac' ;
SQRT : '\\sqrt' ;
SUM_ : '\\sum' ;
CDOT : '\\cdot' ;
// entrywise product and quotient of vectors: x \odot y, x \oslash y
ODOT : '\\odot' ;
OSLASH : '\\oslash' ;
TIMES : '\\times' ;
PM : '\\pm' ;
NABLA : '\\nabla' ;
NORM : '\\|' | '\\lVert' | '\\rVert' | '\\Vert' ;
LANGLE : '\\langle' ;
RANGLE : '\\rangle' ;
INFTY : '\\infty' ;
DOTS : '\\dots' | '\\ldots' | '\\cdots' | '...' ;
LE : '\\le' | '\\leq' | '\\leqslant' ;
GE : '\\ge' | '\\geq' | '\\geqslant' ;
NE : '\\ne' | '\\neq' ;
APPROX : '\\approx' ;
DEFEQ : ':=' | '\\coloneqq' ;
ASSIGN : '\\leftarrow' | '\\gets' ;
ROWSEP : '\\\\' ;
// spacing and sizing: dropped by the token rewrite
SPACE : '\\' [,;:! ] ;

CMD : '\\' [a-zA-Z]+ ;
NUMBER : DIGITS ('.' DIGITS)? ;
fragment DIGITS : [0-9]+ ;
LETTER : [a-zA-Z] ;
WS : [ \t\r\n~]+ -> skip ;
ERRCHAR : . ;
