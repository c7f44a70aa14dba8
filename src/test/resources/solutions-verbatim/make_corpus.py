# Generates src/test/resources/solutions-verbatim/*.corpus (run from the repository root with the
# seeds in ../shared/seeds/): verbatim entries are cut from the
# seed files by line range (byte for byte); variants are written here.
import glob, io, os
SEEDS = os.environ.get('SEEDS', '../shared/seeds/')  # e.g. SEEDS=/work/shared/seeds/ from a worktree
def seed(n):
    f = glob.glob(SEEDS + n + '_*.txt')[0]
    return open(f, 'rb').read().decode('utf-8').split('\n')
S = {'001': seed('001'), '003': seed('003')}

def verb(sd, a, b):
    return '\n'.join(S[sd][a-1:b])

def entry(out, id, spec, where, math, tool='same', note=None, pending=None, text=''):
    out.write('=== %s\n' % id)
    out.write('spec: %s\n' % spec)
    out.write('where: %s\n' % where)
    out.write('math: %s\n' % math)
    out.write('tool: %s\n' % tool)
    if note: out.write('note: %s\n' % note)
    if pending: out.write('pending: %s\n' % pending)
    out.write('---\n')
    out.write(text.rstrip('\n') + '\n')

HEAD = '''# Solution displays as people write them, each with the verdict of every answer and step decided
# by reading the mathematics (see README.md in this folder for the format).
'''
def V(sd, a, b, **kw):
    kw['text'] = verb(sd, a, b)
    kw['where'] = 'seed %s lines %d-%d: %s' % (sd, a, b, kw['where'])
    return kw

P1 = 'defect 1 (derivations): a bound index inside a sum of partial derivatives is evaluated at one fixed value'
e001 = [
 ('001-A1-eq1', 'node_statistics', V('001', 9, 10, where='Assignment 1, eq. (1)', math='c/cc')),
 ('001-A1-eq2', 'node_statistics', V('001', 14, 15, where='Assignment 1, eq. (2)', math='c/cc',
   note='the sheet justifies V[XY] = V[X]V[Y] for any independent X, Y (true only for zero means); here the means are 0, so every equality holds')),
 ('001-A2-eq4', 'backprop_shifted_sum', V('001', 28, 29, where='Assignment 2, eq. (4)', math='c/ccc')),
 ('001-A2-eq5', 'backprop_shifted_sum', V('001', 31, 32, where='Assignment 2, eq. (5)', math='c/cc')),
 ('001-A2-eq6', 'backprop_shifted_sum', V('001', 34, 35, where='Assignment 2, eq. (6)', math='i/cci',
   note='[j=i]] is the sheet\'s (OCR-damaged) Iverson bracket [[j=i]]; the cases overlap at j = 2 (a g_2 vs a(g_2 + g_0), g_0 undefined) and at j = N-2 (a(g_{N-2} + g_{N-4}) vs a g_{N-4}): wrong there; the sums are right',
   )),
 ('001-A3a-eq8', 'prox_weight_decay', V('001', 50, 51, where='Assignment 3a, eq. (8)', math='c/', tool='reject iterate',
   note='3a is an open design question with no spec; checked against 3b\'s spec it must not be read (q and g^t are not names there)')),
 ('001-A3a-eq9', 'prox_weight_decay', V('001', 55, 55, where='Assignment 3a, eq. (9)', math='c/', tool='reject unknown symbol \\varepsilon',
   note='3a\'s SGD step uses \\varepsilon, 3b\'s spec names only \\varepsilon\' (defect 7: the prime distinguishes the names); no spec for 3a')),
 ('001-A3b-eq10', 'prox_weight_decay', V('001', 59, 60, where='Assignment 3b, eq. (10), the problem restated', math='c/', tool='reject \\arg\\min',
   note='restates the problem: true by definition, not an answer')),
 ('001-A3b-eq11', 'prox_weight_decay', V('001', 64, 65, where='Assignment 3b, eq. (11)', math='c/cc', tool='same',
   note='0 = d/dtheta [objective] = g + lambda theta + (theta - theta^t)/eps\': the gradient identity holds for every theta and vanishes at the solution; the operand (the objective) is left implicit')),
 ('001-A3b-eq12', 'prox_weight_decay', V('001', 69, 70, where='Assignment 3b, eq. (12), the answer', math='c/')),
 ('001-A3b-remark', 'prox_weight_decay_sgd_match', V('001', 72, 72, where='Assignment 3b, remark (inline)', math='c/',
   note='inline math that states a defined quantity (eps\' = eps/(1 - lambda eps)) is read')),
 ('001-A4-eq13', 'adversarial_attack_box', V('001', 80, 81, where='Assignment 4, eq. (13)', math='c/', tool='reject cannot be applied',
   note='the linearization (a definition with \\approx); f_y(x;theta) is a given value in the spec, it cannot be evaluated at x~')),
 ('001-A4-eq14', 'adversarial_attack_box', V('001', 84, 85, where='Assignment 4, eq. (14)', math='c/', tool='reject \\to \\min',
   note='the attacker\'s task, a problem statement, not an answer')),
 ('001-A4-eq15', 'adversarial_attack_box', V('001', 88, 89, where='Assignment 4, eq. (15)', math='c/', tool='reject not an answer',
   note='the constraint of the problem, not an answer (the strict box has no minimizer; the spec uses <=)')),
 ('001-A4-answer', 'adversarial_attack_box', V('001', 91, 91, where='Assignment 4, the answer (inline)', math='i/',
   note='known error: -eps sign(g_i) is the perturbation x~_i - x_i, not the image x~_i = x_i - eps sign(g_i)')),
 ('001-A5-eq16-17', 'kl_cross_entropy', V('001', 99, 103, where='Assignment 5, eqs. (16)-(17); (17) starts with = and continues (16)', math='i/ci', tool='reject \\int',
   note='known error: (17) writes the theta-free term as the integral of p* p*; it is the integral of p* log p*. Not flagged: integrals over y are not read')),
 ('001-A6-eq19a', 'prox_norm_regularizer', V('001', 116, 116, where='Assignment 6, first line of (19)', math='c/cc', tool='same',
   note='0 = d/dtheta [objective] = ...: the operand is left implicit')),
 ('001-A6-eq19b', 'prox_norm_regularizer', V('001', 117, 118, where='Assignment 6, second line of (19)', math='c/',
   note='theta(...) is theta times the scalar in parentheses (theta is not a function); holds at the solution')),
 ('001-A6-norms', 'prox_norm_regularizer', V('001', 122, 122, where='Assignment 6, norms of both sides of (19)', math='c/',
   note='holds at the solution when eps rho\'(||theta||)/||theta|| + 1 > 0 (the sheet\'s "sufficiently small eps", an assumption of the spec\'s expect)')),
 ('001-A6-eq20', 'prox_norm_regularizer', V('001', 124, 125, where='Assignment 6, eq. (20)', math='c/')),
 ('001-A7-joint', 'prior_shift', V('001', 133, 133, where='Assignment 7, Bayes for the training data', math='c/cc', tool='reject cannot be applied',
   note='p(x, y) is no quantity of the spec (p is the given prior p(y))')),
 ('001-A7-application', 'prior_shift', V('001', 137, 137, where='Assignment 7, Bayes for the application data', math='c/cc', tool='reject cannot be applied')),
 ('001-A7-propto', 'prior_shift', V('001', 141, 141, where='Assignment 7, the reweighted posterior', math='c/', tool='reject cannot divide by a vector',
   note='p_a(y|x) = c p*(y)/p(y) p(y|x) with c > 0 independent of y; \\propto is read, but the fraction of the vectors p*(y)/p(y) (entrywise in y) is not')),
 ('001-A8-gradient', 'kmeans_online_gradient', V('001', 157, 157, where='Assignment 8a, the gradient', math='c/', tool='reject \\arg\\min',
   note='ties (several nearest centres) have probability 0')),
 ('001-A8-update', 'kmeans_online_gradient', V('001', 163, 165, where='Assignment 8a, the algorithm (inline)', math='c/', tool='reject no answer',
   note='y_k -> y_k + alpha(t)(x - y_k) updates a given (the rate absorbs the factor 2 of the gradient): no target of the spec is stated inline')),
 ('001-A9-eq21', 'backprop_normalized_linear', V('001', 181, 182, where='Assignment 9, eq. (21)', math='c/cc', tool='reject unknown symbol \\theta',
   note='the total derivative rule for a generic parameter theta, which the spec does not name')),
 ('001-A9-eq22', 'backprop_normalized_linear', V('001', 186, 187, where='Assignment 9, eq. (22)', math='i/ci',
   note='known error: dL/db_i is written g_j/||w_j||; the display states it for every i and every j, so it is false wherever j differs from i (read at j = 1: wrong at i = 2); the first step has only i and holds')),
 ('001-A9-eq23', 'backprop_normalized_linear', V('001', 191, 192, where='Assignment 9, eq. (23)', math='c/cc')),
 ('001-A9-eq24', 'backprop_normalized_linear', V('001', 196, 197, where='Assignment 9, eq. (24)', math='i/ic',
   note='known error: only y_i depends on w_i, the sum over i is wrong; inside the sums i is bound (it shadows the free i of dL/dw_i), so the first step is false and the second (term by term) true')),
 ('001-A10-eq25', 'vae_decoder_variance', V('001', 211, 212, where='Assignment 10, eq. (25)', math='i/', tool='reject unknown symbol p',
   note='known error (normalizer (2 pi sigma^2)^(-d/2)); the density p(x|z) is not a quantity of the spec, so it is not flagged')),
 ('001-A10-eq26', 'vae_decoder_variance', V('001', 216, 217, where='Assignment 10, eq. (26)', math='i/ii', tool='reject unknown symbol p',
   note='known error: doubled d in -d/2 d log(2 pi); first step inherits (25)')),
 ('001-A10-eq27', 'vae_decoder_variance', V('001', 221, 222, where='Assignment 10, eq. (27)', math='c/', tool='reject ELBO')),
 ('001-A10-eq28', 'vae_decoder_variance', V('001', 226, 227, where='Assignment 10, eq. (28)', math='c/', tool='reject unknown symbol p')),
 ('001-A10-eq29a', 'vae_decoder_variance', V('001', 231, 232, where='Assignment 10, eq. (29a)', math='c/', tool='reject unknown symbol',
   note='true at the optimum; the expectation of an expression in x and z is not a quantity of the spec (only S = E||x - mu(z)||^2 is)')),
 ('001-A10-eq29b', 'vae_decoder_variance', V('001', 234, 235, where='Assignment 10, eq. (29b)', math='c/',
   note='d here is the dimension, not a differential; holds at the optimum sigma^2 = S/d')),
 ('001-A10-eq29c', 'vae_decoder_variance', V('001', 237, 238, where='Assignment 10, eq. (29c), the answer', math='c/')),
 ('001-A11-decoupled', 'mirror_descent_box_vector', V('001', 256, 256, where='Assignment 11, the decoupled problem', math='c/', tool='reject \\min',
   note='a problem statement, not an answer')),
 ('001-A11-stationary', 'mirror_descent_box_vector', V('001', 260, 260, where='Assignment 11, stationarity, line 1', math='c/cc', tool='same')),
 ('001-A11-sign', 'mirror_descent_box_vector', V('001', 261, 261, where='Assignment 11, stationarity, line 2', math='i/',
   note='NEW sheet error: multiplying line 1 by eps gives 0 = +eps g_i + log(x_i/(1-x_i)) - log(x0_i/(1-x0_i)); the sheet writes -eps g_i (the next line has the sign right again)')),
 ('001-A11-logit', 'mirror_descent_box_vector', V('001', 262, 262, where='Assignment 11, stationarity, line 3', math='c/')),
 ('001-A11-answer', 'mirror_descent_box_vector', V('001', 263, 263, where='Assignment 11, the answer', math='c/')),
 ('001-A11-remark-y', 'mirror_descent_box_vector', V('001', 267, 267, where='Assignment 11, remark, first line', math='c/', tool='reject iterate',
   note='y^t = logit(x^t) is defined in the prose, not in the spec')),
 ('001-A11-remark-x', 'mirror_descent_box_vector', V('001', 269, 269, where='Assignment 11, remark, second line', math='c/', tool='reject iterate')),
]

e003 = [
 ('003-112-f', 'fgm_linear_output', V('003', 11, 11, where='1.1.2, the model', math='c/')),
 ('003-112-grad', 'fgm_linear_output', V('003', 13, 13, where='1.1.2, its gradient', math='c/')),
 ('003-112-xprime', 'fgm_linear_output', V('003', 15, 15, where='1.1.2, the FGM input', math='c/')),
 ('003-112-answer', 'fgm_linear_output', V('003', 17, 17, where='1.1.2, the answer', math='c/ccc',
   note='f(x\') omits the weights: the spec\'s f(x; w) evaluated at x\' (defect 4)')),
 ('003-122-objective', 'ridge_closed_form', V('003', 23, 23, where='1.2.2, the objective', math='c/', tool='reject unknown symbol g',
   note='the sheet writes the data matrix as bold lower-case x and the objective as g, neither a name of the spec')),
 ('003-122-gradient', 'ridge_closed_form', V('003', 25, 25, where='1.2.2, stationarity', math='c/cc', tool='reject unknown symbol g')),
 ('003-122-normal', 'ridge_closed_form', V('003', 27, 27, where='1.2.2, normal equations', math='i/', tool='reject unknown symbol x',
   note='w(...) multiplies the vector w from the left of a matrix: not conformable as written (meant (...)w)')),
 ('003-122-answer', 'ridge_closed_form', V('003', 29, 29, where='1.2.2, the answer', math='c/', tool='reject unknown symbol x',
   note='right with x read as the data matrix X; the spec names it X (see the variant V-ridge-X)')),
 ('003-122-hessian', 'ridge_closed_form', V('003', 31, 31, where='1.2.2, the Hessian (inline)', math='i/', tool='reject no answer',
   note='known error: the Hessian is (1/n)X^T X + 2 lambda I; g is not a name of the spec, so it is not stated as a target')),
 ('003-123-let', 'ridge_fgm_epsilon', V('003', 45, 45, where='1.2.3, the condition', math='c/ii', tool='reject unknown symbol w_r',
   note='known error: w_r^* x\' - eps ||w_r^*||^2 has x\' for x; w_r^* is the sheet\'s shorthand for w^*_ridge, not a name of the spec')),
 ('003-123-eps', 'ridge_fgm_epsilon', V('003', 47, 47, where='1.2.3, eps*', math='c/', tool='reject unknown symbol w_r')),
 ('003-123-w', 'ridge_fgm_epsilon', V('003', 51, 51, where='1.2.3, the 1-D ridge solution', math='c/', tool='reject unknown symbol w_r')),
 ('003-123-aligned', 'ridge_fgm_epsilon', V('003', 53, 53, where='1.2.3, the answer (aligned)', math='c/cccc', tool='reject unknown symbol w_r',
   note='I is the number 1 in the 1-D case')),
 ('003-124-output', 'ridge_fgsm_epsilon', V('003', 67, 67, where='1.2.4, the output under FGSM', math='c/',
   note='f(x\') is the spec\'s f(x; w^*) at x\'; the sheet\'s w is w^*_ridge')),
 ('003-124-answer', 'ridge_fgsm_epsilon', V('003', 69, 69, where='1.2.4, the answer', math='i/ci',
   note='known error: w x/(w sign w) = x sign(w) is right; sign(x^T x + 2 lambda n) x/sign(x^T x) = x drops sign(X^T t): wrong whenever X^T t < 0')),
 ('003-211-var', 'noisy_quadratic_batch', V('003', 91, 91, where='2.1.1(a), the minibatch variance', math='i/iii', tool='reject unknown symbol g',
   note='"6" is the handwritten sigma; as written 6^2 = 36. g_i(w) is the statement\'s per-sample gradient, not a name of the spec; known error (1/B for 1/B^2) not flagged here, see V-nqm-chain')),
 ('003-31-decomposition', 'dropout_bias_variance', V('003', 143, 149, where='3.1, the bias-variance decomposition (aligned)', math='c/cccc', tool='reject unknown symbol',
   note='the cross term lacks the factor 2, harmless because it is 0; E_m(y-bar), N examples are not names of the spec')),
 ('003-32-Epi', 'dropout_gaussian_noise', V('003', 161, 163, where='3.2, E of the Gaussian-noise output; the second display continues the first', math='c/cc')),
 ('003-32-Em', 'dropout_gaussian_noise', V('003', 165, 167, where='3.2, E of the dropout output', math='c/cc', tool='reject unknown symbol P',
   note='P is the sheet\'s p; the underbrace label 1/P is wrong (E(m) = p) but a label is not a claim')),
 ('003-32-equal-means', 'dropout_gaussian_noise', V('003', 169, 169, where='3.2, equal means', math='c/')),
 ('003-32-varpi', 'dropout_gaussian_noise', V('003', 171, 173, where='3.2, variance of the Gaussian-noise output', math='i/ci',
   note='as written "6" is the number 6 (the handwritten sigma): Var(1 + pi_j) = sigma^2, not 36 (unless sigma = 6), so the second step and the chain are false as written; see V-varpi-sigma')),
 ('003-32-bernoulli', 'dropout_gaussian_noise', V('003', 175, 177, where='3.2, the Bernoulli variance', math='c/cc', tool='reject with prob',
   note='the cases give a distribution (and "0 with prob. 0" should be 1 - P)')),
 ('003-32-varm', 'dropout_gaussian_noise', V('003', 179, 183, where='3.2, variance of the dropout output', math='c/cii', tool='reject unknown symbol P',
   note='known error: (p - p^2)/p should be (p - p^2)/p^2; see V-varm-p')),
 ('003-32-sigma', 'dropout_gaussian_noise', V('003', 185, 185, where='3.2, the answer (inline)', math='c/',
   note='the second formula, var(y_pi) = var(y_m), is conditional on the first ("if sigma = ..., then ..."), not an identity; inline math is read only when its left side names an unknown or a defined quantity, so it is prose here')),
 ('003-32-sigma-again', 'dropout_gaussian_noise', V('003', 187, 187, where='3.2, the answer restated (inline)', math='c/')),
 ('003-32-loss', 'dropout_gaussian_noise', V('003', 189, 193, where='3.2, equal expected losses', math='c/cc', tool='reject unknown symbol J')),
]

def W(text, **kw):
    kw['text'] = text
    return kw

var = [
 ('V-prox-answer', 'prox_weight_decay', W(r"$$\theta^{t+1} = \frac{\theta^t - \varepsilon'\tilde g^t}{1+\varepsilon'\lambda}$$", where='student', math='c/')),
 ('V-prox-bare', 'prox_weight_decay', W(r"$$\frac{\theta^t - \varepsilon' \tilde{g}^t}{1+\varepsilon'\lambda}$$", where='student: a bare value answers the one unknown', math='c/')),
 ('V-prox-ascii', 'prox_weight_decay', W("$$theta = (theta_t - eps*g)/(1 + eps*lambda)$$", where='student, ASCII', math='c/')),
 ('V-prox-sign', 'prox_weight_decay', W(r"$$\theta^{t+1} = \frac{\theta^t + \varepsilon'\tilde g^t}{1+\varepsilon'\lambda}$$", where='slip: sign', math='i/')),
 ('V-prox-noprime', 'prox_weight_decay', W(r"$$\theta^{t+1} = \frac{\theta^t - \varepsilon\tilde g^t}{1+\varepsilon\lambda}$$", where='slip: \\varepsilon for \\varepsilon\'', math='i/', tool='reject unknown symbol \\varepsilon',
   note='defect 7: \\varepsilon is not \\varepsilon\'')),
 ('V-prox-eqno', 'prox_weight_decay', W(r"$$\theta^{t+1} = \frac{\theta^t - \varepsilon'\tilde g^t}{1+\varepsilon'\lambda} \qquad (12)$$", where='student: equation number', math='c/')),
 ('V-prox-leftarrow', 'prox_weight_decay', W(r"$$\boldsymbol\theta^{t+1} \leftarrow \frac{\boldsymbol\theta^t - \varepsilon'\tilde{\boldsymbol g}^t}{1+\varepsilon'\lambda}.$$", where='student: update arrow, bold symbols', math='c/')),
 ('V-prox-factor', 'prox_weight_decay', W(r"$$\theta^{t+1} = \frac{\theta^t - \varepsilon'\tilde g^t}{1+2\varepsilon'\lambda}$$", where='slip: factor 2', math='i/')),
 ('V-prox-continued', 'prox_weight_decay', W("$$\\theta^{t+1} = \\frac{\\theta^t - \\varepsilon'\\tilde g^t}{1+\\varepsilon'\\lambda}$$\n\nor, splitting the fraction,\n\n$$= \\frac{\\theta^t}{1+\\varepsilon'\\lambda} - \\frac{\\varepsilon'}{1+\\varepsilon'\\lambda}\\tilde g^t.$$", where='student: a display starting with = continues the chain', math='c/cc')),
 ('V-sgdmatch', 'prox_weight_decay_sgd_match', W(r"$$\frac{\theta^t - \varepsilon'\tilde g^t}{1 + \varepsilon'\lambda} = \theta^t - \varepsilon(\tilde g^t + \lambda\theta^t)$$", where='student: the remark as an identity', math='c/')),
 ('V-step-chain', 'bn_weight_decay_step', W(r"$$0 < \alpha < \frac{2\lambda}{\lambda^2 + a^2}$$", where='student: chained inequality (defect 8)', math='c/')),
 ('V-step-ascii', 'bn_weight_decay_step', W("$$0 < alpha < 2*lambda/(lambda^2 + a^2)$$", where='student: chained inequality, ASCII', math='c/')),
 ('V-step-slip', 'bn_weight_decay_step', W(r"$$0 < \alpha < \frac{2}{\lambda}$$", where='slip: the weight-decay part only', math='i/')),
 ('V-ridge-X', 'ridge_closed_form', W(r"$$\mathbf{w}^*_{\text{ridge}} = \left(X^\top X + 2\lambda n I\right)^{-1} X^\top \mathbf{t}$$", where='student: the sheet\'s answer with X', math='c/')),
 ('V-ridge-sf', 'ridge_closed_form', W(r"$$\mathbf{w}^* = (X^{\mathsf T} X + 2\lambda n \mathbf{I})^{-1} X^{\mathsf T} \mathbf{t}$$", where='student: \\mathsf T', math='c/')),
 ('V-ridge-slip', 'ridge_closed_form', W(r"$$\mathbf{w}^* = (X^T X + \lambda I)^{-1} X^T \mathbf{t}$$", where='slip: ridge term', math='i/')),
 ('V-ridge-transposed', 'ridge_closed_form', W(r"$$\mathbf{w}^* = (X X^T + 2\lambda n I)^{-1} X^T \mathbf{t}$$", where='slip: transposed product (not conformable unless n = d)', math='i/')),
 ('V-fgm-top', 'fgm_linear_output', W(r"$$f(\mathbf{x}'; \mathbf{w}) = \mathbf{w}^\top\mathbf{x} - \epsilon\|\mathbf{w}\|_2^2$$", where='student', math='c/')),
 ('V-fgm-lvert', 'fgm_linear_output', W(r"$$f(\mathbf{x}') = \mathbf{w}^T\mathbf{x} - \epsilon \lVert\mathbf{w}\rVert^2$$", where='student: \\lVert', math='c/')),
 ('V-fgm-vec', 'fgm_linear_output', W(r"$$f(\vec x'; \vec w) = \vec w^\top \vec x - \epsilon \|\vec w\|^2$$", where='student: \\vec', math='c/')),
 ('V-fgm-slip', 'fgm_linear_output', W(r"$$f(\mathbf{x}') = \mathbf{w}^T\mathbf{x} - \epsilon\|\mathbf{w}\|$$", where='slip: unsquared norm', math='i/')),
 ('V-fgm-apply-given', 'fgm_linear_output', W(r"$$\mathbf{w}(\mathbf{x}') = \mathbf{w}^T\mathbf{x}'$$", where='slip: w is a vector, not a function', math='i/',
   note='w is not written with arguments in the spec, so w(x\') is the product of two vectors: not conformable, a wrong answer')),
 ('V-adv-answer', 'adversarial_attack_box', W(r"$$\tilde x = x - \varepsilon \operatorname{sign}(g)$$", where='student', math='c/')),
 ('V-adv-sgn', 'adversarial_attack_box', W(r"$$\tilde{x}^* = x - \varepsilon\,\mathrm{sgn}(g)$$", where='student: \\mathrm{sgn}', math='c/')),
 ('V-adv-text', 'adversarial_attack_box', W(r"$$\tilde x_i = x_i - \varepsilon \text{sign}(g_i) \quad \text{for all } i$$", where='student: \\text{sign}, entrywise', math='c/')),
 ('V-adv-inline', 'adversarial_attack_box', W(r"The perturbed image is $\tilde{x} = x - \varepsilon \operatorname{sign}(g)$, one step against the gradient.", where='student: inline answer', math='c/')),
 ('V-adv-plus', 'adversarial_attack_box', W(r"$$\tilde x = x + \varepsilon \operatorname{sign}(g)$$", where='slip: sign', math='i/')),
 ('V-adv-pm', 'adversarial_attack_box', W(r"$$\tilde x_i = x_i \pm \varepsilon$$", where='student: \\pm', math='ii/', note='\\pm states two answers, x_i + eps and x_i - eps; the minimizer is x_i - eps sign(g_i), so each is wrong at an entry where g_i has the other sign')),
 ('V-adv-min', 'adversarial_attack_box', W(r"$$\min = f_y(x;\theta) - \varepsilon\|g\|_1$$", where='student: the optimal value', math='c/')),
 ('V-mirror-answer', 'mirror_descent_box_vector', W(r"$$x = \text{sigmoid}(\operatorname{logit}(x^0) - \varepsilon \nabla f(x^0))$$", where='student', math='c/')),
 ('V-mirror-sign', 'mirror_descent_box_vector', W(r"$$x = \text{sigmoid}(\operatorname{logit}(x^0) + \varepsilon \nabla f(x^0))$$", where='slip: sign', math='i/')),
 ('V-mirror-line2', 'mirror_descent_box_vector', W(r"$$0 = \varepsilon g_i + \log \frac{x_i}{1 - x_i} - \log \frac{x_i^0}{1 - x_i^0}$$", where='the sheet\'s line 2, corrected', math='c/')),
 ('V-node-var', 'node_statistics', W(r"$$\mathrm{Var}[y] = n\tilde\sigma^2\sigma^2$$", where='student: \\mathrm{Var}', math='c/')),
 ('V-node-opvar', 'node_statistics', W(r"$$\operatorname{var}(y) = n\,\tilde{\sigma}^2\sigma^2.$$", where='student: \\operatorname{var}', math='c/')),
 ('V-node-Esq', 'node_statistics', W(r"$$\mathbb{E}[y]^2 = 0$$", where='student: E[y]^2', math='c/')),
 ('V-node-slip', 'node_statistics', W(r"$$\mathbb{V}[y] = \tilde\sigma^2\sigma^2$$", where='slip: one term', math='i/')),
 ('V-sigma-answer', 'dropout_gaussian_noise', W(r"$$\sigma = \sqrt{\frac{1-p}{p}}.$$", where='student', math='c/')),
 ('V-sigma-slip', 'dropout_gaussian_noise', W(r"$$\sigma = \frac{1-p}{p}$$", where='slip: sigma^2 for sigma', math='i/')),
 ('V-varm-p', 'dropout_gaussian_noise', W("$$\\text{var}(\\tilde{y}_m^{(i)}) = \\frac{1}{p^2} \\cdot \\sum_j \\text{var}(m_j^{(i)}) \\cdot [w_j \\cdot x_j^{(i)}]^2$$\n\n$$= \\frac{p-p^2}{p} \\sum_j [w_j \\cdot x_j^{(i)}]^2$$\n\n$$= \\frac{1-p}{p} \\sum_j [w_j \\cdot x_j^{(i)}]^2$$", where='the sheet\'s 3.2 chain with p for P', math='c/cii')),
 ('V-varpi-sigma', 'dropout_gaussian_noise', W("$$\\text{var}(\\tilde{y}_\\pi^{(i)}) = \\sum_j \\text{var}(1 + \\pi_j^{(i)}) \\cdot [w_j \\cdot x_j^{(i)}]^2$$\n\n$$= \\sum_j \\sigma^2 \\cdot [w_j \\cdot x_j^{(i)}]^2$$", where='the sheet\'s 3.2 chain with sigma for 6', math='c/cc')),
 ('V-Em-p', 'dropout_gaussian_noise', W("$$E(\\tilde{y}_m^{(i)}) = \\frac{1}{p} \\sum_j E(m_j^{(i)}) \\cdot w_j x_j^{(i)}$$\n\n$$= \\sum_j w_j x_j^{(i)}$$", where='the sheet\'s 3.2 chain with p for P', math='c/cc')),
 ('V-Esq-bernoulli', 'dropout_gaussian_noise', W(r"$$\text{var}(m_1^{(i)}) = E[(m_1^{(i)})^2] - E^2(m_1^{(i)}) = p - p^2$$", where='student: E^2(.)', math='c/cc')),
 ('V-nqm-answer', 'noisy_quadratic_batch', W(r"$$\mathrm{Var}[g_B(w)] = \frac{\sigma^2}{B}$$", where='student', math='c/')),
 ('V-nqm-chain', 'noisy_quadratic_batch', W(r"$$\text{var}(g_B(w)) = \frac{1}{B} \cdot B \cdot \sigma^2 = \frac{1}{B} \cdot \sigma^2$$", where='the sheet\'s chain with sigma for 6 and the sum done', math='c/ii',
   note='the end result is right, both steps are false (known error: 1/B for 1/B^2)')),
 ('V-nqm-mean', 'noisy_quadratic_batch', W(r"$$\mathbb{E}[g_B(w)] = a w$$", where='student', math='c/')),
 ('V-bp-b', 'backprop_shifted_sum', W(r"$$\frac{\partial L}{\partial b} = \sum_{i=1}^{N-2} g_i$$", where='student', math='c/')),
 ('V-bp-a-cdot', 'backprop_shifted_sum', W(r"$$\frac{dL}{da} = \sum_{i=1}^{N-2} g_i \cdot (x_i + x_{i+2})$$", where='student', math='c/')),
 ('V-bp-a-ascii', 'backprop_shifted_sum', W("$$grad(L, a) = sum(i = 1..N-2, g_i*(x_i + x_{i+2}))$$", where='student, ASCII with _{...} (defect 10)', math='c/')),
 ('V-bp-a-slip', 'backprop_shifted_sum', W(r"$$\frac{dL}{da} = \sum_{i=1}^{N-2} g_i x_i$$", where='slip: dropped term', math='i/')),
 ('V-bp-b-continued', 'backprop_shifted_sum', W("$$\\frac{\\mathrm{d}L}{\\mathrm{d}b} = \\sum_{i=1}^{N-2} g_i$$\n$$= \\sum_{k=1}^{N-2} g_k.$$", where='student: continued chain, renamed index', math='c/cc')),
 ('V-bp-x-cases', 'backprop_shifted_sum', W(r"$$\frac{\partial L}{\partial x_j} = \begin{cases} a g_j & \text{if } j \le 2, \\ a(g_j + g_{j-2}) & \text{if } 3 \le j \le N-2, \\ a g_{j-2} & \text{otherwise.} \end{cases}$$", where='student: the corrected split', math='c/')),
 ('V-bp-x-iverson', 'backprop_shifted_sum', W(r"$$\frac{dL}{dx_j} = \sum_{i=1}^{N-2} g_i a \left( [\![j=i]\!] + [\![j=i+2]\!] \right)$$", where='student: Iverson brackets', math='c/')),
 ('V-nl-b', 'backprop_normalized_linear', W(r"$$\frac{\partial L}{\partial b_i} = \frac{g_i}{\|w_i\|}$$", where='the sheet\'s (22) with its index fixed', math='c/')),
 ('V-nl-w', 'backprop_normalized_linear', W(r"$$\frac{dL}{dw_i} = g_i\left(\frac{x}{\|w_i\|} - (w_i^\top x + b_i)\frac{w_i}{\|w_i\|^3}\right)$$", where='the sheet\'s (24) with the sum dropped', math='c/')),
 ('V-nl-x', 'backprop_normalized_linear', W(r"$$\nabla_x L = \sum_{i} g_i \frac{w_i}{\|w_i\|}$$", where='student: \\nabla_x', math='c/')),
 ('V-nl-slip', 'backprop_normalized_linear', W(r"$$\frac{dL}{dw_i} = \frac{g_i x}{\|w_i\|}$$", where='slip: the norm\'s derivative dropped', math='i/')),
 ('V-fgm-eps', 'ridge_fgm_epsilon', W(r"$$\epsilon^* = \frac{(X^T X + 2\lambda n)x}{X^T t}$$", where='student', math='c/')),
 ('V-fgm-aligned', 'ridge_fgm_epsilon', W(r"$$\begin{aligned} \epsilon^* &= \frac{w^*_{\text{ridge}} x}{(w^*_{\text{ridge}})^2} = \frac{x}{w^*_{\text{ridge}}} \\ &= \frac{(X^T X + 2\lambda n)x}{X^T t}. \end{aligned}$$", where='the sheet\'s aligned block in the spec\'s names', math='c/ccc')),
 ('V-fgm-xtx', 'ridge_fgm_epsilon', W(r"$$\epsilon = \frac{x X^T t}{X^T X + 2\lambda n}$$", where='slip: x w* for x/w*', math='i/')),
 ('V-fgsm-answer', 'ridge_fgsm_epsilon', W(r"$$\epsilon = x \operatorname{sign}(X^\top t)$$", where='student', math='c/')),
 ('V-fgsm-sheet', 'ridge_fgsm_epsilon', W(r"$$\epsilon = \frac{\operatorname{sign}(X^T X + 2\lambda n)x}{\operatorname{sign}(X^T X)}$$", where='the sheet\'s answer with X for x', math='i/')),
 ('V-vae-answer', 'vae_decoder_variance', W(r"$$\sigma^2 = \frac{1}{d}\mathbb{E}_{p_d(x)}\mathbb{E}_{q(z|x)}\|x-\mu(z)\|^2$$", where='student', math='c/')),
 ('V-vae-slip', 'vae_decoder_variance', W(r"$$\sigma^2 = \frac{2}{d}\mathbb{E}_{p_d(x)}\mathbb{E}_{q(z|x)}\left[\|x-\mu(z)\|^2\right]$$", where='slip: the normalizer of eq. (25)', math='i/')),
 ('V-rho-root', 'prox_norm_regularizer', W(r"$$\|\theta\| + \varepsilon\rho'(\|\theta\|) = \|a\|$$", where='student', math='c/')),
 ('V-rho-direction', 'prox_norm_regularizer', W(r"$$\frac{\theta}{\|\theta\|} = \frac{a}{\|a\|}$$", where='student', math='c/')),
 ('V-bp-x-unit', 'backprop_shifted_sum', W(r"$$\frac{dL}{dx} = \sum_{i=1}^{N-2} a g_i (\mathbf{e}_i + \mathbf{e}_{i+2})$$", where='student: unit vectors', math='c/',
   note='e_i is the i-th standard basis vector of length N (the length of x fixes it); y_i = a(x_i + x_{i+2}) + b')),
 ('V-bp-x-unit-slip', 'backprop_shifted_sum', W(r"$$\frac{dL}{dx} = \sum_{i=1}^{N-2} a g_i (e_i + e_{i+1})$$", where='slip: wrong shift in a unit vector', math='i/')),
 ('V-bp-a-unit-scalar', 'backprop_shifted_sum', W(r"$$\frac{dL}{da} = \sum_{i=1}^{N-2} g_i e_i$$", where='slip: a vector for the scalar dL/da', math='i/',
   tool='reject unit vector', note='nothing beside e_i fixes its length, so it is refused with its position rather than given a length')),
 ('V-ridge-propto', 'ridge_closed_form', W(r"$$\mathbf{w}^* \propto (X^T X + 2\lambda n I)^{-1} X^T \mathbf{t}$$", where='student: up to a positive factor', math='c/',
   note='w* is that vector itself (factor 1)')),
 ('V-ridge-propto-slip', 'ridge_closed_form', W(r"$$\mathbf{w}^* \propto X^T \mathbf{t}$$", where='slip: the inverse dropped from a proportionality', math='i/',
   note='(X^T X + 2 lambda n I)^{-1} X^T t is not parallel to X^T t unless X^T t is an eigenvector of X^T X (always when d = 1)')),
 ('V-sigma-pm', 'dropout_gaussian_noise', W(r"$$\sigma = \pm\sqrt{\frac{1-p}{p}}$$", where='student: \\pm', math='ci/',
   note='two answers: +sqrt((1-p)/p) is the value; -sqrt((1-p)/p) breaks sigma > 0')),
]
for name, entries in (('001.corpus', e001), ('003.corpus', e003), ('variants.corpus', var)):
    out = io.open('src/test/resources/solutions-verbatim/' + name, 'w', encoding='utf-8', newline='\n')
    out.write(HEAD)
    for id, spec, kw in entries:
        entry(out, id, spec, **kw)
    out.close()
print(len(e001), len(e003), len(var))
