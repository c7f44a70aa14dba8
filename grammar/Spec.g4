/*
 * The derivcheck spec language: one exercise per file (problems/<name>.prob).
 * It reads like the math on a course sheet. Layout is free: an item starts with its
 * keyword, expressions may span lines, '#' starts a comment.
 *
 * Precedence ladder of `expr`, tightest first (ANTLR takes alternatives in order):
 *   postfix   x'  x_i  x_{i+2}  ||x||_1
 *   power     a^b              (right-associative)
 *   unary     -a  +a
 *   entrywise a.*b  a./b       (left-associative)
 *   product   a*b  a/b         (left-associative)
 *   sum       a+b  a-b         (left-associative)
 * Comparisons are not expressions: they appear only in `condition`, so '<' and '>'
 * can also delimit inner products <a, b>.
 */
grammar Spec;

spec : problem EOF ;

problem : 'problem' name=ID header* item* ;

header
    : 'title' STRING        # Title
    | 'source' STRING       # Source
    | 'statement' STRING    # Statement
    ;

item
    : 'dim' dimDecl (',' dimDecl)*                                        # DimItem
    | 'given' names ':' 'function' latexNames?                            # FunctionItem
    | 'given' names ':' shape matrixProperties? domain? latexNames? whereClause?  # GivenItem
    // A given defined by an expression, e.g. the upstream gradient `given g = grad(L, y)`.
    | 'given' ID '=' expr latexNames?                                     # DefinedGivenItem
    | 'random' names ':' shape domain? distribution latexNames?           # RandomItem
    | 'find' names ':' shape domain? latexNames? whereClause?             # FindVariableItem
    // `find alpha > 0 such that ||w1|| < ||w0||`, `find sigma such that Var[a] = Var[b]`.
    | 'find' ID (relOp expr)? 'such' 'that' condition latexNames?         # FindSuchThatItem
    // Quantities to compute: `find grad(L, a), grad(L, x)`, `find E[y], Var[y]`, `find min`.
    | 'find' expr (',' expr)*                                             # FindTargetsItem
    | 'assume' condition (',' condition)*                                 # AssumeItem
    | 'let' lhs=expr '=' rhs=expr forRange? latexNames?                   # LetItem
    | kind=('minimize' | 'maximize') expr                                 # ObjectiveItem
    | 'subject' 'to' condition (',' condition)* forAll?                   # ConstraintItem
    | 'solve' condition 'for' ID                                          # SolveItem
    | 'show' condition forRange?                                          # ShowItem
    | 'expect' condition forRange?                                        # ExpectItem
    // An anticipated wrong answer and the feedback to show when a student gives it.
    | 'mistake' condition forRange? ':' STRING                            # MistakeItem
    ;

names : ID (',' ID)* ;

dimDecl : ID (relOp expr)? ;

shape
    : 'real'                                  # RealShape
    | 'vector' '[' expr ']'                   # VectorShape
    | 'matrix' '[' expr ',' expr ']'          # MatrixShape
    ;

// Properties of a given matrix, as words: `symmetric positive definite`, `full column rank`.
// They are plain names here (so `rank` or `full` stay usable as names); the builder reads the phrases.
matrixProperties : ID+ ;

// An interval the symbol lives in: `in (0, 1)`, `in [0, inf)`.
domain : 'in' lo=('(' | '[') expr ',' expr hi=(')' | ']') ;

latexNames : 'latex' STRING (',' STRING)* ;

whereClause : 'where' condition (',' condition)* ;

// Independent draws: `iid mean 0 var sigma^2` (moments only) or `iid bernoulli(p)`.
distribution
    : 'iid'? 'mean' mean=expr 'var' variance=expr     # MomentDistribution
    | 'iid'? ID '(' (expr (',' expr)*)? ')'            # NamedDistribution
    ;

forRange : 'for' ID 'in' expr '..' expr ;

forAll : 'for' 'all' ID ;

// A chain of comparisons: `a <= b`, `0 < x < 1`, `theta = ...`.
condition : expr (relOp expr)+ ;

relOp : '=' | '==' | '!=' | '<' | '<=' | '>' | '>=' ;

expr
    : expr '\''                                   # Transpose
    // Subscripts: x_{i+2}, ||x||_1, ||x||_inf. `x_i` lexes as one ID and is split by name resolution.
    | expr '_' subscript                          # Subscripted
    | <assoc = right> expr '^' expr               # Power
    | op = ('-' | '+') expr                       # Unary
    // Entrywise product and quotient of vectors: x .* y, x ./ y (tighter than * and /).
    | expr op = ('.*' | './') expr                # Entrywise
    | expr op = ('*' | '/') expr                  # MulDiv
    | expr op = ('+' | '-') expr                  # AddSub
    | atom                                        # AtomExpr
    ;

subscript : NUMBER | ID | '{' expr (',' expr)* '}' ;

atom
    : NUMBER                                      # Number
    // rho'(l): the derivative of a declared function.
    | ID '\'' '(' expr ')'                        # DerivativeCall
    | ID '(' (expr (',' expr)*)? ')'              # Call
    // E[y], Var[y], or indexing x[i].
    | ID '[' expr (',' expr)* ']'                 # Bracket
    | ID                                          # Name
    | '(' expr ')'                                # Parens
    | '<' expr ',' expr '>'                       # Inner
    | '||' expr '||'                              # Norm
    | '|' expr '|'                                # Abs
    | 'sum' '(' ID '=' expr '..' expr ',' expr ')' # IndexSum
    | 'sum' '(' expr ')'                          # EntrySum
    | 'cases' '(' caseArm (',' caseArm)* ')'      # Cases
    // Iverson bracket: 1 where the condition holds, else 0.
    | '[' condition ']'                           # Iverson
    ;

caseArm
    : expr 'if' condition                         # GuardedArm
    | expr 'otherwise'                            # OtherwiseArm
    ;

NUMBER : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? ;
fragment DIGITS : [0-9]+ ;
ID : [a-zA-Z] [a-zA-Z0-9]* ('_' [a-zA-Z0-9]+)* ;
STRING : '"' (~["\\\r\n] | '\\' .)* '"' ;
COMMENT : '#' ~[\r\n]* -> skip ;
WS : [ \t\r\n]+ -> skip ;
ERRCHAR : . ;
